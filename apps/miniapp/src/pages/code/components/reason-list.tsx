import { Text, View } from '@tarojs/components';
import type { CodeView } from '@healthcode/code-view';
import { type AppealView, appealReasonKey, type CodeReason } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { ColorBadge } from '../../../components/color-badge';
import { Heading } from '../../../components/heading';

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

/** Every reason in plain words, where the fact came from, and its time span (texts from the code view). */
interface ReasonListProps {
  view: Pick<CodeView, 'reasonsHeading' | 'noReasons' | 'reasons'>;
  /** The reasons as the API sent them, index for index with `view.reasons`: appeals name them. */
  reasons: readonly CodeReason[];
  /** Offers "Appeal this reason" under each reason that is not green. */
  onAppeal?: (reason: CodeReason) => void;
  /** Unfinished appeals by reason key: such a reason links to its appeal instead. */
  openAppeals?: ReadonlyMap<string, AppealView>;
  onOpenAppeal?: (appeal: AppealView) => void;
}

export function ReasonList({ view, reasons, onAppeal, openAppeals, onOpenAppeal }: ReasonListProps) {
  return (
    <View className="section" aria-label="reasons">
      <Heading level={2}>{view.reasonsHeading}</Heading>
      {view.noReasons ? (
        <Text className="muted">{view.noReasons}</Text>
      ) : (
        view.reasons.map((line, i) => (
          <View
            key={line.key}
            className={`card reason${line.suppressed ? ' reason--suppressed' : ''}`}
            aria-label={`reason ${i + 1}`}
          >
            <View className="reason__head">
              <ColorBadge color={line.color} />
              <Text className="reason__source">{line.source}</Text>
            </View>
            <Text className="reason__text">{line.text}</Text>
            {line.suppressed && <Text className="muted small">{line.suppressed}</Text>}
            <View className="reason__meta">
              {line.since && <Text className="muted">{line.since}</Text>}
              {line.until && <Text className="muted">{line.until}</Text>}
              <Text className="muted reason__rule">{line.rule}</Text>
            </View>
            {onAppeal && line.color !== 'green' && (
              <AppealAction
                n={i + 1}
                open={openAppeals?.get(appealReasonKey(reasons[i]))}
                onAppeal={() => onAppeal(reasons[i])}
                onOpen={onOpenAppeal}
              />
            )}
          </View>
        ))
      )}
    </View>
  );
}
