import type { ThemeConfig } from 'antd';

/**
 * antd's default secondary/placeholder greys and its #1677ff primary miss WCAG AA contrast (4.5:1) on white and
 * on the selected-menu tint, and axe-core flags them as serious. These tokens keep the look, darker.
 */
export const ACCESSIBLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // Hover is still lighter than the primary, but not antd's derived #2e7ae6 (4.2:1): a default button's text
    // takes this colour while the pointer rests on it, which is exactly when a browser test measures it.
    colorPrimaryHover: '#1f6fde',
    colorLinkHover: '#1f6fde',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // A green preset Tag ("Active") writes its text in green-7 on green-1: antd's #389e0d on #f6ffed is 3.4:1.
    // Both spellings: antd's CSS variables come from either, and the later one wins.
    green7: '#237804',
    'green-7': '#237804',
  },
  components: {
    // A table's empty row ("No appeal decided yet.") is drawn in the disabled grey (1.8:1): it is content, not a
    // disabled control, so it gets a readable grey. Only tables change; disabled controls elsewhere keep antd's.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
