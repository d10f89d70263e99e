import { ApiErrorCode, type StaffLoginRequest, type StaffLoginResponse } from '@healthcode/contracts';
import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';

import { isApiErrorCode } from '../../services/request-error';
import { handleRequestError } from '../../services/request-error-handler';
import { login } from './service';
import type { Credentials, LoginStep } from './types';

/**
 * Two steps: username + password; when the API answers TOTP_REQUIRED, the same credentials again with
 * the authenticator code. The password stays in memory only, and only until the flow ends.
 */
export function useLoginFlow(onSignedIn: (response: StaffLoginResponse) => void) {
  const [step, setStep] = useState<LoginStep>('credentials');
  const [credentials, setCredentials] = useState<Credentials>();
  // Kept after "back" so the username need not be typed again.
  const [username, setUsername] = useState<string>();
  const [errorText, setErrorText] = useState<string>();
  const mutation = useMutation({ mutationFn: login, meta: { inlineErrors: true } });

  const attempt = async (body: StaffLoginRequest, form: FormInstance) => {
    setErrorText(undefined);
    try {
      onSignedIn(await mutation.mutateAsync(body));
    } catch (error) {
      if (step === 'credentials' && isApiErrorCode(error, ApiErrorCode.TotpRequired)) {
        setCredentials({ username: body.username, password: body.password });
        setUsername(body.username);
        setStep('totp');
        return;
      }
      setErrorText(handleRequestError(error, { form, notify: false }));
    }
  };

  return {
    step,
    username,
    pending: mutation.isPending,
    errorText,
    submitCredentials: (values: Credentials, form: FormInstance) => attempt(values, form),
    submitTotp: (totp: string, form: FormInstance) =>
      credentials ? attempt({ ...credentials, totp }, form) : undefined,
    back: () => {
      setCredentials(undefined);
      setErrorText(undefined);
      setStep('credentials');
    },
  };
}
