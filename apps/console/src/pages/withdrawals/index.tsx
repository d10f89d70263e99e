import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { WithdrawalList } from '../imports/components/withdrawal-list';
import { RequestForm } from './components/request-form';

/**
 * Withdrawals for supervisors (and admins): ask to withdraw an authority record or import made in error, and
 * approve someone else's request. The API scopes the list to the staff member's region and refuses self-approval.
 */
export default function WithdrawalsPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('withdrawals.title')} subtitle={t('withdrawals.subtitle')} />
      <RequestForm />
      <WithdrawalList />
    </Flex>
  );
}
