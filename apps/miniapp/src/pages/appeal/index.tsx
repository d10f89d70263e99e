import { Text, View } from '@tarojs/components';
import type { AppealView } from '@healthcode/contracts';
import { useRouter } from '@tarojs/taro';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { ColorBadge } from '../../components/color-badge';
import { Heading } from '../../components/heading';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../format/date-format.util';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useResourceHandle } from '../../hooks/use-resource';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { openPage } from '../../navigation/navigate';
import { decisionEffect, openInfoRequest, timelineInOrder } from './appeal-view.util';
import { AnswerForm } from './components/answer-form';
import { WithdrawSection } from './components/withdraw-section';
import { fetchAppeal } from './service';

function Decision({ appeal }: { appeal: AppealView }) {
  const { t } = useTranslation();
  const d = appeal.decision;
  if (!d) return null;
  const effect = decisionEffect(appeal);
  return (
    <View className="card decision" aria-label="decision">
      <Heading level={2}>{t('appeal.decision')}</Heading>
      <Text className="strong">{t(`appealOutcome.${d.outcome}`)}</Text>
      <Text className="decision__reason">{d.reason}</Text>
      {d.override && (
        <View className="decision__override">
          <ColorBadge color={d.override.color} long />
          <Text className="muted">{t('appeal.overrideUntil', { date: formatDay(d.override.until) })}</Text>
        </View>
      )}
      {effect !== 'none' && <Text className="muted">{t(`appeal.effect.${effect}`)}</Text>}
      <Text className="muted small">{t('appeal.decidedAt', { time: formatDateTime(d.decidedAt) })}</Text>
    </View>
  );
}

function AppealDetails({ appeal, onChanged }: { appeal: AppealView; onChanged: (a: AppealView) => void }) {
  const { t } = useTranslation();
  const question = openInfoRequest(appeal);
  return (
    <View>
      <View className="card" aria-label="appeal summary">
        <Text className="strong" aria-label="appeal status" data-status={appeal.status}>
          {t('appeal.statusLine', { number: appeal.number, status: t(`appealStatus.${appeal.status}`) })}
        </Text>
        <Text>{localized(appeal.reason.text, currentLocale())}</Text>
        <Text className="muted">{localized(appeal.categoryLabel, currentLocale())}</Text>
        <Text className="muted small">{t('appeal.dueBy', { date: formatDateTime(appeal.decisionDueAt) })}</Text>
      </View>
      <Decision appeal={appeal} />
      {question && (
        <View className="section" aria-label="information request">
          <Notice tone="alert">{t('appeal.infoRequested', { message: question.message ?? '' })}</Notice>
          <AnswerForm number={appeal.number} onAnswered={onChanged} />
        </View>
      )}
      <View className="section">
        <Heading level={2}>{t('appeal.timeline')}</Heading>
        <View className="timeline" role="list" aria-label="appeal timeline">
          {timelineInOrder(appeal).map((entry, i) => (
            <View
              key={`${entry.at}-${i}`}
              className="card timeline__item"
              role="listitem"
              aria-label={`event ${entry.type}`}
            >
              <Text className="muted small">{formatDateTime(entry.at)}</Text>
              <Text className="strong">{t(`appealEvent.${entry.type}`, { defaultValue: entry.type })}</Text>
              <Text className="muted">{t(`appealActor.${entry.actor}`)}</Text>
              {entry.message && <Text className="timeline__message">{entry.message}</Text>}
              {entry.evidence.length > 0 && (
                <Text className="muted small">{t('appeal.evidenceCount', { count: entry.evidence.length })}</Text>
              )}
            </View>
          ))}
        </View>
      </View>
      <WithdrawSection appeal={appeal} onChanged={onChanged} />
      <ActionButton variant="link" label={t('appeal.allAppeals')} onClick={() => openPage('appeals')} />
    </View>
  );
}

/** One appeal: status, the staff decision word for word, the timeline, and the answer form when asked. */
export default function AppealPage() {
  const { t } = useTranslation();
  const number = Number(useRouter().params.number);
  const { resource, reload, refresh, set } = useResourceHandle(() => fetchAppeal(number), [number]);
  useRefreshOnReturn(refresh);

  return (
    <Screen title={t('appeal.title', { number })} back="appeals" acting>
      <ResourceView resource={resource} onRetry={reload}>
        {(appeal) => <AppealDetails appeal={appeal} onChanged={set} />}
      </ResourceView>
    </Screen>
  );
}
