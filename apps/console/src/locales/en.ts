import type { Messages } from './zh-CN';

const en: Messages = {
  app: {
    title: 'Health code console',
    skipToContent: 'Skip to main content',
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  roles: {
    'hotline-agent': 'Hotline agent',
    supervisor: 'Hotline supervisor',
    'region-admin': 'Region administrator',
    auditor: 'Auditor',
    'checkpoint-operator': 'Checkpoint operator',
    'system-admin': 'System administrator',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Overview',
    appeals: 'Appeals',
    lookup: 'Resident lookup',
    rules: 'Regional rules',
    imports: 'Data imports',
    checkpoints: 'Checkpoints',
    audit: 'Audit log',
    queues: 'Job queues',
    staff: 'Staff',
  },
  header: {
    regionScope: 'Region scope: {{region}}',
    wholeCountry: 'Whole country',
    logout: 'Log out',
    collapseMenu: 'Collapse menu',
    expandMenu: 'Expand menu',
  },
  login: {
    title: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    totpTitle: 'Two-step verification',
    totpHint: 'Enter the 6-digit code shown in your authenticator app.',
    totp: 'Verification code',
    totpFormat: 'Enter 6 digits',
    verify: 'Verify and sign in',
    back: 'Back',
    required: 'Required',
  },
  errors: {
    network: 'Cannot reach the server. Check your connection and try again.',
    sessionExpired: 'Your session has expired. Please sign in again.',
    unexpected: 'Something went wrong. Please try again later.',
  },
  pageState: {
    loading: 'Loading…',
    errorTitle: 'Could not load this page',
    retry: 'Retry',
    empty: 'No data',
  },
  dashboard: {
    title: 'Overview',
    total: 'Residents',
    green: 'Green',
    yellow: 'Yellow',
    red: 'Red',
    byRegion: 'Codes by subordinate region',
    trend: 'Recent trend',
    empty: 'No residents in this region yet.',
    noChildren: 'This region has no subordinate regions.',
    noTrend: 'No trend data yet.',
  },
  comingSoon: {
    title: 'Coming soon',
    description: 'This section is being built.',
  },
  forbidden: {
    title: 'Not allowed',
    description: 'Your role may not open this page.',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address.',
  },
  crash: {
    title: 'This page failed',
    description: 'The console may just have been updated: reloading usually fixes it.',
    reload: 'Reload',
  },
  backHome: 'Back to the overview',
};

export default en;
