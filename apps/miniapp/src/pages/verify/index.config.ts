export default definePageConfig({ navigationBarTitleText: '核验身份' });
