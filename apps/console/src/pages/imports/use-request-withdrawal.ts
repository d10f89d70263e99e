import type { WithdrawalRequest } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

import { requestWithdrawal, withdrawalsQueryKey } from './service';

/**
 * Asks for a withdrawal (from an import's page or the Withdrawals page): on success it says so, clears `form` and
 * refreshes the withdrawal list, where a second person approves it.
 */
export function useRequestWithdrawal(form: FormInstance) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawalRequest) => requestWithdrawal(body),
    onSuccess: () => {
      void message.success(t('imports.withdrawal.requested'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: withdrawalsQueryKey });
    },
  });
}
