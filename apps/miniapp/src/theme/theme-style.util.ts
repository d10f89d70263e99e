import { palette } from './colors';

/**
 * The palette as CSS custom properties, set on each screen's root so stylesheets can say
 * `var(--hc-primary)` while the values stay defined once, in colors.ts.
 */
export function themeStyle(): Record<string, string> {
  return {
    '--hc-background': palette.background,
    '--hc-surface': palette.surface,
    '--hc-text': palette.text,
    '--hc-text-muted': palette.textMuted,
    '--hc-border': palette.border,
    '--hc-primary': palette.primary,
    '--hc-on-primary': palette.onPrimary,
    '--hc-danger': palette.danger,
    '--hc-on-danger': palette.onDanger,
    '--hc-focus': palette.focus,
  };
}
