import { Text, View } from '@tarojs/components';
import { buildCodeView } from '@healthcode/code-view';
import { type AppealView, appealReasonKey, type CodeResponse } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime } from '../../format/date-format.util';
import { useNow } from '../../hooks/use-now';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { type SubscriptionOutcome, useSubscription } from '../../hooks/use-subscription';
import { type Resource, useResourceHandle } from '../../hooks/use-resource';
import { isApiRequestError } from '../../services/api-request-error';
import { currentLocale } from '../../i18n/i18n';
import { openPage, switchPage } from '../../navigation/navigate';
import { readActingFor } from '../../session/acting-for-store';
import { CodeCard } from './components/code-card';
import { GreenOutlookLine } from './components/green-outlook-line';
import { ReasonList } from './components/reason-list';
import { VerificationNeeded } from './components/verification-needed';
import { StepList } from './components/step-list';
import { fetchCode, fetchOpenAppeals } from './service';
import { useTokenRefresh } from './use-token-refresh';

function CodeDetails({
  code,
  now,
  openAppeals,
}: {
  code: CodeResponse;
  now: number;
  openAppeals?: ReadonlyMap<string, AppealView>;
}) {
  const { t } = useTranslation();
  // The same view the hotline lookup renders: every reason, date and step text comes from @healthcode/code-view.
  const view = buildCodeView(code, currentLocale(), new Date(now));
  return (
    <View>
      <CodeCard code={code} now={now} />
      <GreenOutlookLine outlook={view.outlook} />
      <ActionButton id="code-checkin" label={t('code.checkinLink')} onClick={() => openPage('checkin')} />
      <StepList heading={view.stepsHeading} steps={view.steps} />
      <ReasonList
        view={view}
        reasons={code.reasons}
        openAppeals={openAppeals}
        onAppeal={(reason) => openPage('appealNew', { key: appealReasonKey(reason) })}
        onOpenAppeal={(appeal) => openPage('appeal', { number: String(appeal.number) })}
      />
      <ActionButton
        id="code-appeals"
        variant="secondary"
        label={t('code.appealsLink')}
        onClick={() => openPage('appeals')}
      />
      <ActionButton id="code-inbox" variant="secondary" label={t('code.inboxLink')} onClick={() => openPage('inbox')} />
      <ActionButton id="code-card" variant="secondary" label={t('code.cardLink')} onClick={() => openPage('card')} />
      <ColorSubscription />
      <ActionButton variant="secondary" label={t('code.declareLink')} onClick={() => switchPage('declare')} />
      {!readActingFor() && (
        <ActionButton
          id="code-family"
          variant="secondary"
          label={t('family.link')}
          onClick={() => openPage('family')}
        />
      )}
      <ActionButton
        variant="link"
        label={t('code.rulesLink', { version: code.ruleSetVersion })}
        onClick={() => openPage('rules')}
      />
      <Text className="muted small">{t('code.evaluatedAt', { time: formatDateTime(code.evaluatedAt) })}</Text>
    </View>
  );
}

/** WeChat / Alipay: the resident asks for a message when a re-score changes their colour (a host dialog). */
function ColorSubscription() {
  const { t } = useTranslation();
  const { available, ask } = useSubscription('color');
  const [outcome, setOutcome] = useState<SubscriptionOutcome | null>(null);
  if (!available) return null;
  return (
    <View>
      <ActionButton
        id="code-notify-color"
        variant="secondary"
        label={t('code.notifyColor')}
        onClick={() => void ask().then(setOutcome)}
      />
      {outcome && outcome !== 'unavailable' && (
        <View className="muted small" role="status">
          <Text>{outcome === 'accepted' ? t('code.notifyColorAccepted') : t('code.notifyColorDeclined')}</Text>
        </View>
      )}
    </View>
  );
}

/** The API's answer while the ID number is not verified: there is no code to show, only the way to get one. */
function needsVerification(resource: Resource<CodeResponse>): boolean {
  return (
    resource.status === 'error' && isApiRequestError(resource.error) && resource.error.code === 'VERIFICATION_REQUIRED'
  );
}

export default function CodePage() {
  const { t } = useTranslation();
  const { resource, reload, refresh } = useResourceHandle(fetchCode, []);
  // Without the appeals (not loaded yet, or failed) every reason simply offers a new appeal.
  const appeals = useResourceHandle(fetchOpenAppeals, []);
  useRefreshOnReturn(appeals.refresh);
  const now = useNow(1000);
  useTokenRefresh(resource.status === 'ready' ? resource.data.tokenExpiresAt : undefined, refresh);
  const acting = readActingFor();

  return (
    <Screen title={t('code.title')} tab="code" acting>
      {needsVerification(resource) ? (
        acting ? (
          <Notice id="code-verification-needed" tone="alert">
            {t('acting.verificationNeeded', { name: acting.name })}
          </Notice>
        ) : (
          <VerificationNeeded />
        )
      ) : (
        <ResourceView resource={resource} onRetry={reload}>
          {(code) => (
            <CodeDetails
              code={code}
              now={now}
              openAppeals={appeals.resource.status === 'ready' ? appeals.resource.data : undefined}
            />
          )}
        </ResourceView>
      )}
    </Screen>
  );
}
