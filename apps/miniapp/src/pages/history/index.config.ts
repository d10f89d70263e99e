export default definePageConfig({ navigationBarTitleText: '颜色变化记录' });
