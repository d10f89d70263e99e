import type { CardSize, CardView } from '@healthcode/contracts';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { ConfirmAction } from '../../components/confirm-action';
import { Heading } from '../../components/heading';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../format/date-format.util';
import { useResourceHandle } from '../../hooks/use-resource';
import { cardDownloader } from '../../platform/card-download';
import { ScansSection } from '../privacy/components/scans-section';
import { fetchCardHolderScans, fetchMyCard, issueCard, revokeCard } from './service';

type Busy = 'issue' | CardSize | null;

/** A printed card for when the phone is not at hand (or for someone without one): issue, print, reissue, revoke. */
export default function CardPage() {
  const { t } = useTranslation();
  const { resource, reload, set } = useResourceHandle(fetchMyCard, []);
  const [busy, setBusy] = useState<Busy>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  const run = async (what: Busy, work: () => Promise<void>) => {
    setBusy(what);
    setFailure(null);
    setStatus(null);
    try {
      await work();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };
  const issue = (replacing: boolean) =>
    run('issue', async () => {
      set(await issueCard());
      setStatus(t(replacing ? 'card.reissued' : 'card.issued'));
    });
  const download = (size: CardSize) => run(size, () => cardDownloader.open(size));

  return (
    <Screen title={t('card.title')} back="code" acting>
      <Text className="muted">{t('card.intro')}</Text>
      <ResourceView resource={resource} onRetry={reload}>
        {(card: CardView | null) =>
          card ? (
            <View className="section" aria-label="card in use">
              <Heading level={2}>{t('card.inUse')}</Heading>
              <Text>{t('card.name', { name: card.name })}</Text>
              <Text aria-label="card validity">
                {t('card.validity', { issued: formatDateTime(card.issuedAt), until: formatDay(card.expiresAt) })}
              </Text>
              {card.issuedBy === 'staff' && <Text className="muted">{t('card.issuedByStaff')}</Text>}
              <ActionButton
                id="card-pdf-a4"
                label={t('card.downloadA4')}
                onClick={() => void download('A4')}
                busy={busy === 'A4'}
              />
              <ActionButton
                id="card-pdf-a6"
                variant="secondary"
                label={t('card.downloadA6')}
                onClick={() => void download('A6')}
                busy={busy === 'A6'}
              />
              <Text className="muted small">{t('card.lostHint')}</Text>
              <ActionButton
                id="card-reissue"
                variant="secondary"
                label={t('card.reissue')}
                onClick={() => void issue(true)}
                busy={busy === 'issue'}
              />
              <ConfirmAction
                id="card-revoke"
                className="card-revoke"
                title={t('card.revoke')}
                startLabel={t('card.revoke')}
                confirmLabel={t('card.revokeConfirm')}
                question={t('card.revokeQuestion')}
                explain={t('card.revokeExplain')}
                onConfirm={async () => {
                  set(await revokeCard());
                  setStatus(t('card.revoked'));
                }}
              />
            </View>
          ) : (
            <View className="section" aria-label="no card">
              <Text>{t('card.none')}</Text>
              <ActionButton
                id="card-issue"
                label={t('card.issue')}
                onClick={() => void issue(false)}
                busy={busy === 'issue'}
              />
            </View>
          )
        }
      </ResourceView>
      {status && <Notice tone="status">{status}</Notice>}
      {failure !== null && <ErrorView error={failure} />}
      <Text className="muted small">{t('card.scansHint')}</Text>
      <ScansSection load={fetchCardHolderScans} />
    </Screen>
  );
}
