export default definePageConfig({ navigationBarTitleText: '公开规则' });
