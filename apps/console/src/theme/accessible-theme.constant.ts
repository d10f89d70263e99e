import type { ThemeConfig } from 'antd';

/**
 * antd's default secondary/placeholder greys and its #1677ff primary miss WCAG AA contrast (4.5:1) on white and
 * on the selected-menu tint, and axe-core flags them as serious. These tokens keep the look, darker.
 */
export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
  components: {
    // A table's empty text ("No appeal decided yet.") is drawn in colorTextDisabled (#bfbfbf, 1.8:1): it is
    // information, not a disabled control, so it gets the description grey.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
