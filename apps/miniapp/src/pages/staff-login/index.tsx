import { Text } from '@tarojs/components';
import { ApiErrorCode, StaffLoginRequestSchema } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/form-field/text-field';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { type FieldErrors, fieldErrorsFromIssues, withoutFieldErrors } from '../../forms/field-errors.util';
import { localizeValidationMessage } from '../../forms/validation-message.util';
import { restartAt } from '../../navigation/navigate';
import { isApiRequestError } from '../../services/api-request-error';
import { signInOperator } from './service';

/** Staff sign-in that switches this device into checkpoint mode (checkpoint operators only). */
export default function StaffLoginPage() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notOperator, setNotOperator] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (path: string, setter: (value: string) => void) => (value: string) => {
    setter(value);
    setErrors((e) => withoutFieldErrors(e, path));
  };
  const err = (path: string) => (errors[path] ? localizeValidationMessage(errors[path], t) : undefined);

  const submit = async () => {
    setFailure(null);
    setNotOperator(null);
    const parsed = StaffLoginRequestSchema.safeParse({ username, password, totp: askTotp ? totp : undefined });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await signInOperator(parsed.data);
      restartAt('checkpoint');
    } catch (e) {
      if ((e as { isNotAnOperator?: boolean }).isNotAnOperator) setNotOperator((e as { role: string }).role);
      else {
        if (isApiRequestError(e) && e.code === ApiErrorCode.TotpRequired) setAskTotp(true);
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('staff.loginTitle')}>
      <Text className="paragraph">{t('staff.intro')}</Text>
      <TextField
        name="username"
        label={t('staff.username')}
        value={username}
        onChange={change('username', setUsername)}
        error={err('username')}
        maxlength={64}
      />
      <TextField
        name="password"
        label={t('staff.password')}
        value={password}
        onChange={change('password', setPassword)}
        error={err('password')}
        password
        maxlength={256}
      />
      {askTotp && (
        <TextField
          name="totp"
          label={t('staff.totp')}
          type="number"
          value={totp}
          onChange={change('totp', setTotp)}
          error={err('totp')}
          maxlength={6}
        />
      )}
      {notOperator && <Notice tone="alert">{t('staff.notOperator', { role: notOperator })}</Notice>}
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton id="staff-login-submit" label={t('staff.submit')} onClick={() => void submit()} busy={busy} />
      <ActionButton variant="link" label={t('staff.backToResident')} onClick={() => restartAt('login')} />
    </Screen>
  );
}
