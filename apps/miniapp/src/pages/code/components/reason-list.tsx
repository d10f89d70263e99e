import { Text, View } from '@tarojs/components';
import { type AppealView, appealReasonKey, type CodeReason, type Locale } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { ColorBadge } from '../../../components/color-badge';
import { Heading } from '../../../components/heading';
import { formatDay } from '../../../format/date-format.util';
import { localized } from '../../../i18n/localized-text.util';

/** "Appeal this reason", or — while an appeal of it is being handled — a link to that appeal. */
function AppealAction({
  n,
  open,
  onAppeal,
  onOpen,
}: {
  n: number;
  open?: AppealView;
  onAppeal: () => void;
  onOpen?: (appeal: AppealView) => void;
}) {
  const { t } = useTranslation();
  if (open) {
    const label = t('code.appealOpen', { number: open.number, status: t(`appealStatus.${open.status}`) });
    return <ActionButton id={`appeal-reason-${n}`} variant="secondary" label={label} onClick={() => onOpen?.(open)} />;
  }
  return (
    <ActionButton
      id={`appeal-reason-${n}`}
      variant="secondary"
      label={t('code.appealReason')}
      ariaLabel={t('code.appealReasonN', { n })}
      onClick={onAppeal}
    />
  );
}

/** Every reason in plain words, where the fact came from, and its time span. */
interface ReasonListProps {
  reasons: readonly CodeReason[];
  locale: Locale;
  /** Offers "Appeal this reason" under each reason that is not green. */
  onAppeal?: (reason: CodeReason) => void;
  /** Unfinished appeals by reason key: such a reason links to its appeal instead. */
  openAppeals?: ReadonlyMap<string, AppealView>;
  onOpenAppeal?: (appeal: AppealView) => void;
}

export function ReasonList({ reasons, locale, onAppeal, openAppeals, onOpenAppeal }: ReasonListProps) {
  const { t } = useTranslation();
  return (
    <View className="section" aria-label="reasons">
      <Heading level={2}>{t('code.reasons')}</Heading>
      {reasons.length === 0 ? (
        <Text className="muted">{t('code.noReasons')}</Text>
      ) : (
        reasons.map((reason, i) => (
          <View
            key={`${reason.ruleId}-${i}`}
            className={`card reason${reason.suppressed ? ' reason--suppressed' : ''}`}
            aria-label={`reason ${i + 1}`}
          >
            <View className="reason__head">
              <ColorBadge color={reason.color} />
              <Text className="reason__source">{t(`source.${reason.fact.source}`)}</Text>
            </View>
            <Text className="reason__text">{localized(reason.text, locale)}</Text>
            {reason.suppressed && <Text className="muted small">{t('code.suppressed')}</Text>}
            <View className="reason__meta">
              {reason.since && <Text className="muted">{t('code.since', { date: formatDay(reason.since) })}</Text>}
              {reason.until && <Text className="muted">{t('code.until', { date: formatDay(reason.until) })}</Text>}
              <Text className="muted reason__rule">
                {reason.ruleId} v{reason.ruleVersion}
              </Text>
            </View>
            {onAppeal && reason.color !== 'green' && (
              <AppealAction
                n={i + 1}
                open={openAppeals?.get(appealReasonKey(reason))}
                onAppeal={() => onAppeal(reason)}
                onOpen={onOpenAppeal}
              />
            )}
          </View>
        ))
      )}
    </View>
  );
}
