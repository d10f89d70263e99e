export default definePageConfig({ navigationBarTitleText: '卡口工作人员登录' });
