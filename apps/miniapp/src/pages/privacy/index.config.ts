export default definePageConfig({ navigationBarTitleText: '隐私与设置' });
