import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import type { ScanVerdict } from '../../../checkpoint/scan-verdict.util';
import { ActionButton } from '../../../components/action-button';
import { COLOR_ICONS } from '../../../components/color-badge/color-icon.constant';
import { formatDateTime } from '../../../format/date-format.util';
import { clock } from '../../../services/clock';
import { codeColors, scanResultColors } from '../../../theme/colors';

interface Look {
  background: string;
  foreground: string;
  icon: string;
  label: string;
  details: string[];
}

function useLook(verdict: ScanVerdict): Look {
  const { t } = useTranslation();
  if (verdict.kind === 'valid') {
    const c = codeColors[verdict.color];
    const details = [t(verdict.by === 'device' ? 'checkpoint.verifiedDevice' : 'checkpoint.verifiedServer')];
    if (verdict.admitted === false) details.unshift(t('checkpoint.notAdmitted'));
    if (verdict.superseded) details.push(t('checkpoint.superseded'));
    if (verdict.issuer) details.unshift(t('checkpoint.peerIssuer', verdict.issuer));
    return {
      background: c.background,
      foreground: c.onBackground,
      icon: COLOR_ICONS[verdict.color],
      label: t(`color.${verdict.color}`),
      details,
    };
  }
  if (verdict.kind === 'card') {
    const age = t('checkpoint.cardListAge', {
      time: formatDateTime(verdict.listIssuedAt),
      minutes: Math.max(0, Math.floor((clock.now().getTime() - Date.parse(verdict.listIssuedAt)) / 60_000)),
    });
    if (verdict.listed === null) {
      const c = codeColors.green;
      return {
        background: c.background,
        foreground: c.onBackground,
        icon: COLOR_ICONS.green,
        label: t('checkpoint.cardClear'),
        details: [t('checkpoint.cardClearHint'), age],
      };
    }
    const c = scanResultColors.invalid;
    return {
      background: c.background,
      foreground: c.onBackground,
      icon: '⊘',
      label: t('checkpoint.cardRefused'),
      details: [t(`checkpoint.cardListed.${verdict.listed}`), age],
    };
  }
  if (verdict.kind === 'invalid') {
    const c = scanResultColors.invalid;
    return {
      background: c.background,
      foreground: c.onBackground,
      icon: '⊘',
      label: t('checkpoint.invalid'),
      details: [t(`invalidReason.${verdict.reason}`)],
    };
  }
  const c = scanResultColors.unverified;
  return {
    background: c.background,
    foreground: c.onBackground,
    icon: '?',
    label: t('checkpoint.unverified'),
    details: [t('checkpoint.unverifiedHint')],
  };
}

/** The whole screen in the result's colour, with an icon and words, readable at arm's length. */
export function ScanResultScreen({ verdict, onNext }: { verdict: ScanVerdict; onNext: () => void }) {
  const { t } = useTranslation();
  const look = useLook(verdict);
  return (
    <View
      className="scan-result"
      style={{ backgroundColor: look.background, color: look.foreground }}
      role="alert"
      aria-label="scan result"
      data-result={verdict.kind}
      data-color={verdict.kind === 'valid' ? verdict.color : undefined}
      data-card={verdict.kind === 'card' ? (verdict.listed ?? 'clear') : undefined}
    >
      <Text className="scan-result__icon" aria-hidden="true">
        {look.icon}
      </Text>
      <Text className="scan-result__label">{look.label}</Text>
      {look.details.map((d) => (
        <Text key={d} className="scan-result__detail">
          {d}
        </Text>
      ))}
      <View className="scan-result__next">
        <ActionButton id="checkpoint-next" variant="secondary" label={t('checkpoint.next')} onClick={onNext} />
      </View>
    </View>
  );
}
