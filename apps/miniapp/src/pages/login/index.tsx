import { Text } from '@tarojs/components';
import type { HostProvider } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/form-field/text-field';
import { LanguageSwitch } from '../../components/language-switch';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { openPage, restartAt } from '../../navigation/navigate';
import { host } from '../../platform/host';
import { signIn } from './service';

const SUBMIT_LABEL = {
  dev: 'login.submitDemo',
  wechat: 'login.submitWechat',
  alipay: 'login.submitAlipay',
} as const satisfies Record<HostProvider, string>;

export default function LoginPage() {
  const { t } = useTranslation();
  const [demoName, setDemoName] = useState('demo');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn(demoName);
      restartAt('index');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('login.title')}>
      <LanguageSwitch />
      <Text className="paragraph">{t('login.intro')}</Text>
      {host.asksForDemoName && (
        <TextField
          name="demoName"
          label={t('login.demoName')}
          hint={t('login.demoHint')}
          value={demoName}
          onChange={setDemoName}
          maxlength={64}
        />
      )}
      {error !== null && <ErrorView error={error} />}
      <ActionButton id="login-submit" label={t(SUBMIT_LABEL[host.provider])} onClick={submit} busy={busy} />
      <ActionButton variant="link" label={t('login.publicRules')} onClick={() => openPage('rules')} />
      <ActionButton
        id="login-checkpoint"
        variant="link"
        label={t('login.checkpointMode')}
        onClick={() => openPage('staffLogin')}
      />
    </Screen>
  );
}
