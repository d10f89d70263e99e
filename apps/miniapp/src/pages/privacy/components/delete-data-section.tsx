import { Text, View } from '@tarojs/components';
import type { DeletionReceipt } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { ConfirmAction } from '../../../components/confirm-action';
import { Heading } from '../../../components/heading';
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
  return (
    <ConfirmAction
      id="privacy-delete"
      className="section danger-zone"
      title={t('privacy.deleteTitle')}
      startLabel={t('privacy.deleteStart')}
      startVariant="danger"
      confirmLabel={t('privacy.deleteConfirm')}
      onConfirm={async () => onDeleted(await deleteMyData())}
    >
      <Heading level={2}>{t('privacy.deleteTitle')}</Heading>
      <Text className="paragraph">{t('privacy.deleteExplain')}</Text>
    </ConfirmAction>
  );
}
