import { PAGES } from './navigation/routes.constant';

export default defineAppConfig({
  // The first page is the entry: it decides between login, consent, sign-up and the code.
  pages: [
    PAGES.index,
    PAGES.login,
    PAGES.consent,
    PAGES.signup,
    PAGES.verify,
    PAGES.code,
    PAGES.declare,
    PAGES.checkin,
    PAGES.history,
    PAGES.rules,
    PAGES.privacy,
    PAGES.appealNew,
    PAGES.appeal,
    PAGES.appeals,
    PAGES.inbox,
    PAGES.staffLogin,
    PAGES.checkpoint,
    PAGES.family,
    PAGES.card,
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '健康码',
    navigationBarTextStyle: 'black',
  },
});
