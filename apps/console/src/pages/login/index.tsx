import type { StaffLoginResponse } from '@healthcode/contracts';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';

import { LanguageSwitch } from '../../components/language-switch';
import { HOME_PATH } from '../../routes/console-routes';
import { sessionStore } from '../../services/session';
import { CredentialsForm } from './components/credentials-form';
import { TotpForm } from './components/totp-form';
import { resolveReturnPath } from './return-path.util';
import { useLoginFlow } from './use-login-flow';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // Read once: after signing in we navigate ourselves, to the page that sent us here.
  const [alreadySignedIn] = useState(() => sessionStore.get() !== null);

  const onSignedIn = (response: StaffLoginResponse) => {
    sessionStore.save(response);
    const from = (location.state as { from?: unknown } | null)?.from;
    navigate(resolveReturnPath(from, response.staff), { replace: true });
  };
  const flow = useLoginFlow(onSignedIn);

  if (alreadySignedIn) return <Navigate to={HOME_PATH} replace />;

  return (
    <Flex
      component="main"
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('app.title')}</Typography.Paragraph>
        {flow.step === 'credentials' ? (
          <CredentialsForm
            initialUsername={flow.username}
            pending={flow.pending}
            errorText={flow.errorText}
            onSubmit={flow.submitCredentials}
          />
        ) : (
          <TotpForm
            pending={flow.pending}
            errorText={flow.errorText}
            enrollment={flow.enrollment}
            onSubmit={flow.submitTotp}
            onBack={flow.back}
          />
        )}
      </Card>
    </Flex>
  );
}
