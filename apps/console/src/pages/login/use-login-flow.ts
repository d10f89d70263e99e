import {
  ApiErrorCode,
  type StaffLoginRequest,
  type StaffLoginResponse,
  type StaffTotpEnrollment,
} from '@healthcode/contracts';
import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';

import { isApiErrorCode } from '../../services/request-error';
import { handleRequestError } from '../../services/request-error-handler';
import { enrollTotp, login } from './service';
import type { Credentials, LoginStep } from './types';

/**
 * Two steps: username + password; when the API answers TOTP_REQUIRED, the same credentials again with
 * the authenticator code. TOTP_ENROLLMENT_REQUIRED (a new account, or an authenticator reset by an admin)
 * first fetches a new secret to scan; the first code from it completes the enrollment. The password stays in memory only, and only until the flow ends.
 */
export function useLoginFlow(onSignedIn: (response: StaffLoginResponse) => void) {
  const [step, setStep] = useState<LoginStep>('credentials');
  const [credentials, setCredentials] = useState<Credentials>();
  // Kept after "back" so the username need not be typed again.
  const [username, setUsername] = useState<string>();
  const [errorText, setErrorText] = useState<string>();
  const [enrollment, setEnrollment] = useState<StaffTotpEnrollment>();
  const mutation = useMutation({ mutationFn: login, meta: { inlineErrors: true } });

  const attempt = async (body: StaffLoginRequest, form: FormInstance) => {
    setErrorText(undefined);
    try {
      onSignedIn(await mutation.mutateAsync(body));
    } catch (error) {
      if (isApiErrorCode(error, ApiErrorCode.TotpEnrollmentRequired) && !enrollment) {
        try {
          setEnrollment(await enrollTotp({ username: body.username, password: body.password }));
        } catch (enrollError) {
          setErrorText(handleRequestError(enrollError, { form, notify: false }));
          return;
        }
        setCredentials({ username: body.username, password: body.password });
        setUsername(body.username);
        setStep('totp');
        return;
      }
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
    enrollment,
    submitCredentials: (values: Credentials, form: FormInstance) => attempt(values, form),
    submitTotp: (totp: string, form: FormInstance) =>
      credentials ? attempt({ ...credentials, totp }, form) : undefined,
    back: () => {
      setCredentials(undefined);
      setEnrollment(undefined);
      setErrorText(undefined);
      setStep('credentials');
    },
  };
}
