/** Page paths as registered in app.config.ts (without the leading slash) and as navigated to (with it). */
export const PAGES = {
  index: 'pages/index/index',
  login: 'pages/login/index',
  consent: 'pages/consent/index',
  signup: 'pages/signup/index',
  verify: 'pages/verify/index',
  code: 'pages/code/index',
  declare: 'pages/declare/index',
  checkin: 'pages/checkin/index',
  history: 'pages/history/index',
  rules: 'pages/rules/index',
  privacy: 'pages/privacy/index',
  appealNew: 'pages/appeal-new/index',
  appeal: 'pages/appeal/index',
  appeals: 'pages/appeals/index',
  inbox: 'pages/inbox/index',
  staffLogin: 'pages/staff-login/index',
  checkpoint: 'pages/checkpoint/index',
  family: 'pages/family/index',
  card: 'pages/card/index',
} as const;

export type PageName = keyof typeof PAGES;

/** The four destinations of the bottom navigation. */
export const MAIN_TABS = ['code', 'declare', 'history', 'privacy'] as const satisfies readonly PageName[];
export type MainTab = (typeof MAIN_TABS)[number];
