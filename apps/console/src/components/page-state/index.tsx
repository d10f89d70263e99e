import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { describeRequestError } from '../../services/request-error-handler';

export interface PageStateProps {
  loading?: boolean;
  /** Any thrown value; the API's own message is shown when there is one. */
  error?: unknown;
  onRetry?: () => void;
  empty?: boolean;
  emptyDescription?: ReactNode;
  children?: ReactNode;
}

/** Loading, error (with retry) and empty states, in that order of precedence, shared by every page. */
export function PageState({ loading, error, onRetry, empty, emptyDescription, children }: PageStateProps) {
  const { t } = useTranslation();

  if (loading) {
    return (
      <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', gap: 12, padding: 48 }}>
        <Spin />
        <span>{t('pageState.loading')}</span>
      </div>
    );
  }
  if (error) {
    return (
      <div role="alert">
        <Result
          status="error"
          title={t('pageState.errorTitle')}
          subTitle={describeRequestError(error)}
          extra={
            onRetry && (
              <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={onRetry}>
                {t('pageState.retry')}
              </Button>
            )
          }
        />
      </div>
    );
  }
  if (empty) return <Empty style={{ padding: 48 }} description={emptyDescription ?? t('pageState.empty')} />;
  return <>{children}</>;
}
