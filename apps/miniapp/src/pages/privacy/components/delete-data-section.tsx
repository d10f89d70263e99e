import { Text, View } from '@tarojs/components';
import type { DeletionReceipt } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { Heading } from '../../../components/heading';
import { ErrorView } from '../../../components/state-views';
import { formatDateTime } from '../../../format/date-format.util';
import { restartAt } from '../../../navigation/navigate';
import { deleteMyData } from '../service';

/** What the server erased, and the digest to keep as proof. */
export function DeletionReceiptView({ receipt }: { receipt: DeletionReceipt }) {
  const { t } = useTranslation();
  return (
    <View className="card receipt" role="status" aria-label="deletion receipt">
      <Heading level={3}>{t('privacy.receiptTitle')}</Heading>
      <Text className="strong selectable" selectable>
        {t('privacy.receiptId', { id: receipt.receiptId })}
      </Text>
      <Text className="paragraph">{t('privacy.deletedAt', { time: formatDateTime(receipt.deletedAt) })}</Text>
      {Object.entries(receipt.erased).map(([kind, count]) => (
        <Text key={kind} className="muted">
          {t('privacy.erased', { kind, count })}
        </Text>
      ))}
      <Text className="mono selectable" selectable>
        {t('privacy.digest', { digest: receipt.digest })}
      </Text>
      <Text className="muted">{t('privacy.receiptKeep')}</Text>
      <ActionButton id="privacy-done" label={t('privacy.done')} onClick={() => restartAt('login')} />
    </View>
  );
}

/** Delete in two steps: ask, then confirm inline. */
export function DeleteDataSection({ onDeleted }: { onDeleted: (receipt: DeletionReceipt) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDeleted(await deleteMyData());
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section danger-zone" aria-label={t('privacy.deleteTitle')}>
      <Heading level={2}>{t('privacy.deleteTitle')}</Heading>
      <Text className="paragraph">{t('privacy.deleteExplain')}</Text>
      {failure !== null && <ErrorView error={failure} />}
      {confirming ? (
        <View>
          <ActionButton
            id="privacy-delete-confirm"
            variant="danger"
            label={t('privacy.deleteConfirm')}
            onClick={confirm}
            busy={busy}
          />
          <ActionButton
            id="privacy-delete-cancel"
            variant="secondary"
            label={t('common.cancel')}
            onClick={() => setConfirming(false)}
            disabled={busy}
          />
        </View>
      ) : (
        <ActionButton
          id="privacy-delete"
          variant="danger"
          label={t('privacy.deleteStart')}
          onClick={() => setConfirming(true)}
        />
      )}
    </View>
  );
}
