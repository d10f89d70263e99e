import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stands in for sections whose pages are not built yet, so the menu and access rules can be tried now. */
export default function ComingSoonPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{t('comingSoon.title')}</h1>}
      subTitle={t('comingSoon.description')}
    />
  );
}
