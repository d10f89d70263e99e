import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import type { Permission } from '../access';
import { useAccess } from '../hooks/use-access';

/** A route the role may not open shows 403 (typed URL, stale bookmark); the menu never links there. */
export function AccessGuard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  if (access[permission]) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.description')}
      extra={
        <Button type="primary" onClick={() => navigate('/dashboard')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}
