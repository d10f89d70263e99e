/** Source of the message keys: `en.ts` must have exactly the same shape (the compiler and a spec both check). */
const zhCN = {
  app: {
    title: '健康码管理后台',
    skipToContent: '跳到主要内容',
  },
  language: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  roles: {
    'hotline-agent': '热线坐席',
    supervisor: '热线主管',
    'region-admin': '地区管理员',
    auditor: '审计员',
    'checkpoint-operator': '卡口操作员',
    'system-admin': '系统管理员',
  },
  nav: {
    label: '主导航',
    dashboard: '概览',
    appeals: '申诉处理',
    lookup: '居民查询',
    rules: '地区规则',
    imports: '数据导入',
    checkpoints: '卡口管理',
    audit: '审计日志',
    queues: '任务队列',
    staff: '工作人员',
  },
  header: {
    regionScope: '管辖范围：{{region}}',
    wholeCountry: '全国',
    logout: '退出登录',
    collapseMenu: '收起菜单',
    expandMenu: '展开菜单',
  },
  login: {
    title: '工作人员登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    totpTitle: '两步验证',
    totpHint: '请输入身份验证器应用中显示的 6 位数字。',
    totp: '验证码',
    totpFormat: '请输入 6 位数字',
    verify: '验证并登录',
    back: '返回',
    required: '请填写此项',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    sessionExpired: '登录已过期，请重新登录。',
    unexpected: '出现意外错误，请稍后重试。',
  },
  pageState: {
    loading: '正在加载…',
    errorTitle: '加载失败',
    retry: '重试',
    empty: '暂无数据',
  },
  dashboard: {
    title: '概览',
    total: '居民总数',
    green: '绿码',
    yellow: '黄码',
    red: '红码',
    byRegion: '各下级地区赋码情况',
    trend: '近期赋码趋势',
    empty: '该地区暂无居民。',
    noChildren: '该地区没有下级地区。',
    noTrend: '暂无趋势数据。',
  },
  comingSoon: {
    title: '功能建设中',
    description: '此功能即将上线。',
  },
  forbidden: {
    title: '无权访问',
    description: '您的角色无权查看此页面。',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在。',
  },
  crash: {
    title: '页面出错了',
    description: '可能是后台刚刚更新，重新加载即可。',
    reload: '重新加载',
  },
  backHome: '返回概览',
};

export type Messages = typeof zhCN;
export default zhCN;
