import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Last resort for a render crash or a chunk that failed to load (typically a tab left open across a
 * deploy): a reload fetches the current build.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div role="alert">
      <Result
        status="500"
        title={t('crash.title')}
        subTitle={t('crash.description')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </Button>
        }
      />
    </div>
  );
}
