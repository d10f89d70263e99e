import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { HOME_PATH } from '../../routes/console-routes';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.description')}
      extra={
        <Button type="primary" onClick={() => navigate(HOME_PATH)}>
          {t('backHome')}
        </Button>
      }
    />
  );
}
