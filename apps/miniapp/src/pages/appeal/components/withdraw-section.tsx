import { Text, View } from '@tarojs/components';
import type { AppealView } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { ErrorView } from '../../../components/state-views';
import { canWithdraw } from '../appeal-view.util';
import { withdrawAppeal } from '../service';

/** Withdrawing cannot be undone, so it asks first, inline, the way deleting one's data does. */
export function WithdrawSection({ appeal, onChanged }: { appeal: AppealView; onChanged: (a: AppealView) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (!canWithdraw(appeal)) return null;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await withdrawAppeal(appeal.number));
      setConfirming(false);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" aria-label={t('appeal.withdrawTitle')}>
      {failure !== null && <ErrorView error={failure} />}
      {confirming ? (
        <View role="alertdialog" aria-label={t('appeal.withdrawQuestion')}>
          <Text className="paragraph">{t('appeal.withdrawExplain')}</Text>
          <ActionButton
            id="appeal-withdraw-confirm"
            variant="danger"
            label={t('appeal.withdrawConfirm')}
            onClick={confirm}
            busy={busy}
          />
          <ActionButton
            id="appeal-withdraw-cancel"
            variant="secondary"
            label={t('common.cancel')}
            onClick={() => setConfirming(false)}
            disabled={busy}
          />
        </View>
      ) : (
        <ActionButton
          id="appeal-withdraw"
          variant="secondary"
          label={t('appeal.withdraw')}
          onClick={() => setConfirming(true)}
        />
      )}
    </View>
  );
}
