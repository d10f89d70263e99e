import type { Color } from '@healthcode/contracts';

import { COLOR_ICONS } from '../../components/color-badge/color-icon.constant';
import { codeColors, type CodeColorTokens } from '../../theme/colors';

export interface CodeBanner extends CodeColorTokens {
  /** i18n key of the label that says what the colour means ("Green – travel freely"). */
  labelKey: `color.${Color}`;
  icon: string;
}

/** Colour, icon and words together, so the colour is never the only signal. */
export function codeBanner(color: Color): CodeBanner {
  return { ...codeColors[color], labelKey: `color.${color}`, icon: COLOR_ICONS[color] };
}
