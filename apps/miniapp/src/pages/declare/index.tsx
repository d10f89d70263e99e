import { Text, View } from '@tarojs/components';
import { MAX_STAYS, type ProfileResponse } from '@healthcode/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { CheckList } from '../../components/check-list';
import { DateField } from '../../components/date-field';
import { Heading } from '../../components/heading';
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
import { useResource, useResourceHandle } from '../../hooks/use-resource';
import { isApiRequestError } from '../../services/api-request-error';
import { StayEditor } from './components/stay-editor';
import { MyDeclarations } from './components/my-declarations';
import { SymptomSection } from './components/symptom-section';
import {
  EMPTY_DECLARATION,
  formErrorPaths,
  validateDeclaration,
  type DeclarationForm,
  type StayDraft,
} from './declaration-form.util';
import { fetchMyDeclarations, fetchProfile, submitDeclaration } from './service';

function DeclarationFormView({ profile, onDeclared }: { profile: ProfileResponse; onDeclared: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DeclarationForm>({ ...EMPTY_DECLARATION, currentRegion: profile.currentRegion });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const nextKey = useRef(1);
  const localize = (m: string) => localizeValidationMessage(m, t);

  const update = (patch: Partial<DeclarationForm>, changed: string[] = Object.keys(patch)) => {
    setSent(false);
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => withoutFieldErrors(e, ...changed));
  };
  const setStay = (index: number, stay: StayDraft) =>
    update({ stays: form.stays.map((s, i) => (i === index ? stay : s)) }, [`stays.${index}`]);
  const addStay = () =>
    update({ stays: [...form.stays, { key: nextKey.current++, region: null, from: null, to: null }] });
  const removeStay = (index: number) => {
    update({ stays: form.stays.filter((_, i) => i !== index) });
    // Errors are keyed by position; after a removal they would point at the wrong stay.
    setErrors({});
  };

  const submit = async () => {
    setFailure(null);
    const result = validateDeclaration(form);
    if (!result.ok) {
      setErrors(mapFieldErrors(result.errors, localize));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await submitDeclaration(result.value);
      setSent(true);
      onDeclared();
    } catch (e) {
      if (isApiRequestError(e) && e.errors.length)
        setErrors(mapFieldErrors(formErrorPaths(fieldErrorsFromApi(e.errors), form), localize));
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <RegionPicker
        name="currentRegion"
        label={t('declare.currentRegion')}
        value={form.currentRegion}
        onChange={(currentRegion) => update({ currentRegion })}
        error={errors.currentRegion}
      />

      <View className="section" aria-label={t('declare.stays')}>
        <Heading level={2}>{t('declare.stays')}</Heading>
        {form.stays.length === 0 && <Text className="muted">{t('declare.staysEmpty')}</Text>}
        {form.stays.map((stay, i) => (
          <StayEditor
            key={stay.key}
            index={i}
            stay={stay}
            errors={errors}
            onChange={(s) => setStay(i, s)}
            onRemove={() => removeStay(i)}
          />
        ))}
        {errors.stays && <Notice tone="alert">{errors.stays}</Notice>}
        {form.stays.length < MAX_STAYS ? (
          <ActionButton id="declare-add-stay" variant="secondary" label={t('declare.addStay')} onClick={addStay} />
        ) : (
          <Text className="muted">{t('declare.maxStays', { max: MAX_STAYS })}</Text>
        )}
      </View>

      <SymptomSection symptoms={form.symptoms} errors={errors} onChange={(symptoms) => update({ symptoms })} />

      <View className="section">
        <CheckList
          name="contact"
          label={t('declare.contactQuestion')}
          options={[{ value: 'yes', label: t('declare.contactYes') }]}
          values={form.contact.had ? ['yes'] : []}
          onChange={(values) => update({ contact: { had: values.length > 0, date: form.contact.date } })}
        />
        {form.contact.had && (
          <DateField
            name="contact.date"
            label={t('declare.contactDate')}
            value={form.contact.date}
            onChange={(date) => update({ contact: { had: true, date } })}
            error={errors['contact.date']}
          />
        )}
      </View>

      {hasErrors(errors) && <Notice tone="alert">{t('declare.fixErrors')}</Notice>}
      {failure !== null && <ErrorView error={failure} />}
      {sent && <Notice tone="status">{t('declare.submitted')}</Notice>}
      <ActionButton id="declare-submit" label={t('declare.submit')} onClick={submit} busy={busy} />
    </View>
  );
}

export default function DeclarePage() {
  const { t } = useTranslation();
  const [profile, reload] = useResource(fetchProfile, []);
  const mine = useResourceHandle(fetchMyDeclarations, []);
  return (
    <Screen title={t('declare.title')} tab="declare" acting>
      <ResourceView resource={profile} onRetry={reload}>
        {(p) => <DeclarationFormView profile={p} onDeclared={mine.refresh} />}
      </ResourceView>
      <MyDeclarations resource={mine.resource} onRetry={mine.reload} />
    </Screen>
  );
}
