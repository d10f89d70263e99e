import { Text, View } from '@tarojs/components';
import type { IdType } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { CheckList } from '../../components/check-list';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/form-field/text-field';
import { Heading } from '../../components/heading';
import { Notice } from '../../components/notice';
import { RegionPicker } from '../../components/region-picker';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import {
  type FieldErrors,
  fieldErrorsFromApi,
  mapFieldErrors,
  withoutFieldErrors,
} from '../../forms/field-errors.util';
import { localizeValidationMessage } from '../../forms/validation-message.util';
import { useResourceHandle } from '../../hooks/use-resource';
import { isApiRequestError } from '../../services/api-request-error';
import { CarerList } from './components/carer-list';
import { DependantList } from './components/dependant-list';
import { type ChildForm, EMPTY_CHILD_FORM, validateAdult, validateChild } from './family-form.util';
import {
  acceptCarer,
  addMinor,
  askAdult,
  fetchCarers,
  fetchConsentVersion,
  fetchDependants,
  removeCarer,
  removeDependant,
} from './service';

/** Runs one action, keeping its failure for the page to show; the lists reload after it either way. */
function useAction(after: () => void) {
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setFailure(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (e) {
      setFailure(e);
      return false;
    } finally {
      setBusy(false);
      after();
    }
  };
  return { failure, busy, run };
}

function AddChildForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ChildForm>(EMPTY_CHILD_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction(onDone);
  const localize = (message: string) => localizeValidationMessage(message, t);
  const set =
    <K extends keyof ChildForm>(key: K) =>
    (value: ChildForm[K]) => {
      setForm((f) => ({ ...f, [key]: value }));
      setErrors((e) => withoutFieldErrors(e, key));
    };
  const submit = async () => {
    setAdded(null);
    const consentVersion = await fetchConsentVersion().catch(() => '');
    const result = validateChild(form, consentVersion);
    if (!result.ok) {
      setErrors(mapFieldErrors(result.errors, localize));
      return;
    }
    setErrors({});
    const ok = await action.run(async () => {
      const child = await addMinor(result.value);
      setAdded(child.name ?? '');
    });
    if (ok) setForm(EMPTY_CHILD_FORM);
  };
  const idTypes: { value: IdType; label: string }[] = [
    { value: 'resident-id', label: t('signup.idTypeResident') },
    { value: 'passport', label: t('signup.idTypePassport') },
  ];
  return (
    <View className="section" aria-label={t('family.addChild')}>
      <Heading level={2}>{t('family.addChild')}</Heading>
      <Text className="paragraph">{t('family.addChildExplain')}</Text>
      <TextField
        name="childName"
        label={t('family.childName')}
        value={form.name}
        onChange={set('name')}
        error={errors.name}
        maxlength={64}
      />
      <ChoiceGroup
        name="childIdType"
        label={t('signup.idType')}
        options={idTypes}
        value={form.idType}
        onChange={set('idType')}
      />
      <TextField
        name="childIdNumber"
        label={t('family.childIdNumber')}
        type={form.idType === 'resident-id' ? 'idcard' : 'text'}
        value={form.idNumber}
        onChange={set('idNumber')}
        error={errors.idNumber}
        maxlength={32}
      />
      {form.idType === 'passport' && (
        <TextField
          name="birthDate"
          label={t('family.birthDate')}
          value={form.birthDate}
          onChange={set('birthDate')}
          error={errors.birthDate}
          maxlength={10}
        />
      )}
      <RegionPicker
        name="childHomeRegion"
        label={t('family.childHomeRegion')}
        value={form.homeRegion}
        onChange={set('homeRegion')}
        error={errors.homeRegion}
      />
      <CheckList
        name="guardian"
        label={t('family.guardian')}
        options={[{ value: 'yes', label: t('family.guardianDeclaration') }]}
        values={form.guardian ? ['yes'] : []}
        onChange={(values) => set('guardian')(values.includes('yes'))}
        error={errors.guardian}
      />
      {action.failure !== null && <ErrorView error={action.failure} />}
      {added !== null && <Notice tone="status">{t('family.childAdded', { name: added })}</Notice>}
      <ActionButton
        id="family-add-child"
        label={t('family.addChildSubmit')}
        onClick={() => void submit()}
        busy={action.busy}
      />
    </View>
  );
}

function AddAdultForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [asked, setAsked] = useState<string | null>(null);
  const action = useAction(onDone);
  const submit = async () => {
    setAsked(null);
    const result = validateAdult(idNumber);
    if (!result.ok) {
      setError(localizeValidationMessage(Object.values(result.errors)[0] ?? '', t));
      return;
    }
    setError(undefined);
    const ok = await action.run(async () => setAsked((await askAdult(result.value)).name ?? ''));
    if (ok) setIdNumber('');
  };
  const apiError = isApiRequestError(action.failure) ? fieldErrorsFromApi(action.failure.errors).idNumber : undefined;
  return (
    <View className="section" aria-label={t('family.addAdult')}>
      <Heading level={2}>{t('family.addAdult')}</Heading>
      <Text className="paragraph">{t('family.addAdultExplain')}</Text>
      <TextField
        name="adultIdNumber"
        label={t('family.adultIdNumber')}
        type="idcard"
        value={idNumber}
        onChange={(v) => {
          setIdNumber(v);
          setError(undefined);
        }}
        error={error ?? apiError}
        maxlength={32}
      />
      {action.failure !== null && <ErrorView error={action.failure} />}
      {asked !== null && <Notice tone="status">{t('family.adultAsked', { name: asked })}</Notice>}
      <ActionButton
        id="family-add-adult"
        variant="secondary"
        label={t('family.addAdultSubmit')}
        onClick={() => void submit()}
        busy={action.busy}
      />
    </View>
  );
}

/** Family: the people I care for (act for them, add, remove) and the people who can act for me. */
export default function FamilyPage() {
  const { t } = useTranslation();
  const dependants = useResourceHandle(fetchDependants, []);
  const carers = useResourceHandle(fetchCarers, []);
  const reloadAll = () => {
    dependants.refresh();
    carers.refresh();
  };
  const lists = useAction(reloadAll);

  return (
    <Screen title={t('family.title')} back="code">
      <View className="section" aria-label={t('family.dependants')}>
        <Heading level={2}>{t('family.dependants')}</Heading>
        {lists.failure !== null && <ErrorView error={lists.failure} />}
        <ResourceView
          resource={dependants.resource}
          onRetry={dependants.reload}
          isEmpty={(items) => items.length === 0}
          emptyMessage={t('family.dependantsEmpty')}
        >
          {(items) => <DependantList items={items} onRemove={(d) => void lists.run(() => removeDependant(d.linkId))} />}
        </ResourceView>
      </View>
      <AddChildForm onDone={reloadAll} />
      <AddAdultForm onDone={reloadAll} />
      <View className="section" aria-label={t('family.carers')}>
        <Heading level={2}>{t('family.carers')}</Heading>
        <Text className="paragraph">{t('family.carersExplain')}</Text>
        <ResourceView
          resource={carers.resource}
          onRetry={carers.reload}
          isEmpty={(items) => items.length === 0}
          emptyMessage={t('family.carersEmpty')}
        >
          {(items) => (
            <CarerList
              items={items}
              onAccept={(c) => void lists.run(() => acceptCarer(c.linkId))}
              onRemove={(c) => void lists.run(() => removeCarer(c.linkId))}
            />
          )}
        </ResourceView>
      </View>
    </Screen>
  );
}
