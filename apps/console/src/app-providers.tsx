import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { type ReactNode, useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';

import { FeedbackBridge } from './components/feedback-bridge';
import { applyComponentLocale } from './i18n/antd-locale';
import { i18n } from './i18n/i18n';
import { clearCacheOnSessionEnd } from './services/query-client';
import { ACCESSIBLE_THEME } from './theme/accessible-theme.constant';

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const language = instance.language === 'en' ? 'en' : 'zh-CN';
  const locale = useMemo(() => applyComponentLocale(language), [language]);
  return (
    // No space forced between two CJK characters ("登 录"): it splits the accessible name.
    <ConfigProvider locale={locale} theme={ACCESSIBLE_THEME} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <FeedbackBridge />
        {children}
      </AntdApp>
    </ConfigProvider>
  );
}

/** Everything a page expects around it: translations, antd in the same language, the query cache. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => clearCacheOnSessionEnd(queryClient), [queryClient]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
