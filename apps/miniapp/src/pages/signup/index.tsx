import { View } from '@tarojs/components';
import type { IdType, ProfileResponse } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/form-field/text-field';
import { Notice } from '../../components/notice';
import { RegionPicker } from '../../components/region-picker';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import {
  fieldErrorsFromApi,
  hasErrors,
  mapFieldErrors,
  withoutFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors.util';
import { localizeValidationMessage } from '../../forms/validation-message.util';
import { useResource } from '../../hooks/use-resource';
import { restartAt, switchPage } from '../../navigation/navigate';
import { saveAccessToken } from '../../services/token-store';
import { isApiRequestError } from '../../services/api-request-error';
import { readAcceptedConsent } from '../../session/consent-store';
import { fetchProfile, saveProfile } from './service';
import { EMPTY_SIGNUP_FORM, validateSignup, type SignupForm } from './signup-form.util';

function SignupFormView({ profile }: { profile: ProfileResponse }) {
  const { t } = useTranslation();
  const updating = profile.registered;
  // Masked values from the server cannot be sent back: an update re-enters them, except the region.
  const [form, setForm] = useState<SignupForm>({
    ...EMPTY_SIGNUP_FORM,
    homeRegion: profile.homeRegion,
    idType: profile.idType ?? 'resident-id',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const consentVersion = readAcceptedConsent() ?? profile.consentVersion;
  const set =
    <K extends keyof SignupForm>(key: K) =>
    (value: SignupForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      setErrors((e) => withoutFieldErrors(e, key));
    };
  const localize = (message: string) => localizeValidationMessage(message, t);

  if (!consentVersion) {
    return (
      <View>
        <Notice tone="status">{t('signup.noConsent')}</Notice>
        <ActionButton label={t('signup.readConsent')} onClick={() => switchPage('consent')} />
      </View>
    );
  }

  const submit = async () => {
    setFailure(null);
    const result = validateSignup(form, consentVersion);
    if (!result.ok) {
      setErrors(mapFieldErrors(result.errors, localize));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await saveProfile(result.value);
      // A new ID number ended every session; the answer carries this device's new one.
      if (saved.session) saveAccessToken(saved.session.accessToken, saved.session.expiresIn);
      // No code before the ID number is proven: go straight to proving it.
      restartAt(saved.verification.state === 'verified' ? 'code' : 'verify');
    } catch (e) {
      if (isApiRequestError(e) && e.errors.length) setErrors(mapFieldErrors(fieldErrorsFromApi(e.errors), localize));
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const idTypes: { value: IdType; label: string }[] = [
    { value: 'resident-id', label: t('signup.idTypeResident') },
    { value: 'passport', label: t('signup.idTypePassport') },
  ];

  return (
    <View>
      <TextField
        name="name"
        label={t('signup.name')}
        value={form.name}
        onChange={set('name')}
        error={errors.name}
        maxlength={64}
      />
      <ChoiceGroup
        name="idType"
        label={t('signup.idType')}
        options={idTypes}
        value={form.idType}
        onChange={set('idType')}
        error={errors.idType}
      />
      <TextField
        name="idNumber"
        label={t('signup.idNumber')}
        type={form.idType === 'resident-id' ? 'idcard' : 'text'}
        value={form.idNumber}
        onChange={set('idNumber')}
        error={errors.idNumber}
        maxlength={32}
      />
      <TextField
        name="phone"
        label={t('signup.phone')}
        type="number"
        value={form.phone}
        onChange={set('phone')}
        error={errors.phone}
        maxlength={20}
      />
      <RegionPicker
        name="homeRegion"
        label={t('signup.homeRegion')}
        value={form.homeRegion}
        onChange={set('homeRegion')}
        error={errors.homeRegion}
      />
      {hasErrors(errors) && <Notice tone="alert">{t('signup.fixErrors')}</Notice>}
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton
        id="signup-submit"
        label={t(updating ? 'signup.submitUpdate' : 'signup.submit')}
        onClick={submit}
        busy={busy}
      />
    </View>
  );
}

export default function SignupPage() {
  const { t } = useTranslation();
  const [profile, reload] = useResource(fetchProfile, []);
  const updating = profile.status === 'ready' && profile.data.registered;
  return (
    <Screen title={t(updating ? 'signup.updateTitle' : 'signup.title')} back={updating ? 'privacy' : 'consent'}>
      <ResourceView resource={profile} onRetry={reload}>
        {(p) => <SignupFormView profile={p} />}
      </ResourceView>
    </Screen>
  );
}
