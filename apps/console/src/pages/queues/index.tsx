import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { describeRequestError, handleRequestError } from '../../services/request-error-handler';
import { openQueueBoardSession } from './service';

/**
 * Links to bull-board, which the API mounts at /api/admin/queues for system admins. A new tab cannot send
 * the bearer token, so each click asks the API for a 5-minute ticket and opens the board with it.
 */
export default function QueuesPage() {
  const { t } = useTranslation();
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null);
  const session = useMutation({
    mutationFn: () => openQueueBoardSession(),
    meta: { inlineErrors: true },
  });

  const open = () => {
    setBlockedUrl(null);
    // Opened now, while the click still counts as a user gesture: a tab opened after the request would be blocked.
    const tab = window.open('', '_blank');
    session.mutate(undefined, {
      onSuccess: ({ url }) => {
        if (tab) {
          tab.opener = null;
          tab.location.href = url;
        } else {
          setBlockedUrl(url);
        }
      },
      onError: (error) => {
        tab?.close();
        handleRequestError(error, { notify: false });
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('queues.title')} subtitle={t('queues.subtitle')} />
      <Card>
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>{t('queues.description')}</Typography.Paragraph>
          <Button type="primary" loading={session.isPending} onClick={open}>
            {t('queues.open')}
          </Button>
          {session.isError && (
            <Alert
              type="error"
              showIcon
              title={t('queues.openFailed')}
              description={describeRequestError(session.error)}
            />
          )}
          {blockedUrl && (
            <Alert
              type="info"
              showIcon
              title={t('queues.popupBlocked')}
              description={
                <a href={blockedUrl} target="_blank" rel="noopener noreferrer">
                  {t('queues.open')}
                </a>
              }
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
