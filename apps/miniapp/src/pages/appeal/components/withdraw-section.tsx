import type { AppealView } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ConfirmAction } from '../../../components/confirm-action';
import { canWithdraw } from '../appeal-view.util';
import { withdrawAppeal } from '../service';

/** Withdrawing cannot be undone, so it asks first, inline, the way deleting one's data does. */
export function WithdrawSection({ appeal, onChanged }: { appeal: AppealView; onChanged: (a: AppealView) => void }) {
  const { t } = useTranslation();
  if (!canWithdraw(appeal)) return null;
  return (
    <ConfirmAction
      id="appeal-withdraw"
      title={t('appeal.withdrawTitle')}
      startLabel={t('appeal.withdraw')}
      confirmLabel={t('appeal.withdrawConfirm')}
      question={t('appeal.withdrawQuestion')}
      explain={t('appeal.withdrawExplain')}
      onConfirm={async () => onChanged(await withdrawAppeal(appeal.number))}
    />
  );
}
