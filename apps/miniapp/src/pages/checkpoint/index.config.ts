export default definePageConfig({ navigationBarTitleText: '卡口核验', navigationStyle: 'default' });
