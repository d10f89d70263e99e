import { Text, View } from '@tarojs/components';
import { SYMPTOMS } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { CheckList } from '../../components/check-list';
import { ChoiceGroup } from '../../components/choice-group';
import { TextField } from '../../components/form-field/text-field';
import { Notice } from '../../components/notice';
import { ProgressBar } from '../../components/progress-bar';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import { withoutFieldErrors } from '../../forms/field-errors.util';
import { useResourceHandle } from '../../hooks/use-resource';
import { checkInReminder, EMPTY_CHECK_IN, validateCheckIn, type CheckInForm } from './check-in-form.util';
import { fetchCode, submitCheckIn } from './service';

const ERROR_KEYS = { 'choose-wellness': 'validation.chooseWellness', temperature: 'validation.temperature' } as const;

export default function CheckInPage() {
  const { t } = useTranslation();
  const { resource: code, reload, refresh } = useResourceHandle(fetchCode, []);
  const [form, setForm] = useState<CheckInForm>(EMPTY_CHECK_IN);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const change = (patch: Partial<CheckInForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => withoutFieldErrors(e, ...Object.keys(patch)));
  };
  const errorText = (key?: string) =>
    key ? (key in ERROR_KEYS ? t(ERROR_KEYS[key as keyof typeof ERROR_KEYS]) : key) : undefined;

  const submit = async () => {
    setFailure(null);
    const result = validateCheckIn(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await submitCheckIn(result.value);
      setDone(true);
      refresh();
    } catch (e) {
      // A second check-in on the same day is refused (ALREADY_CHECKED_IN): the API's message says so.
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('checkin.title')} back="code" acting>
      <ResourceView resource={code} onRetry={reload}>
        {(c) => {
          const reminder = checkInReminder(c.steps);
          return reminder ? (
            <View className="card" aria-label="check-in reminder">
              <Text className="reminder">{t('checkin.remaining', { count: reminder.remaining })}</Text>
              <ProgressBar
                done={reminder.done}
                total={reminder.total}
                label={t('checkin.remaining', { count: reminder.remaining })}
                caption={t('checkin.progress', { done: reminder.done, total: reminder.total })}
              />
            </View>
          ) : (
            <Text className="muted">{t('checkin.noneNeeded')}</Text>
          );
        }}
      </ResourceView>

      <ChoiceGroup
        name="healthy"
        label={t('checkin.howFeel')}
        options={[
          { value: 'yes', label: t('checkin.healthy') },
          { value: 'no', label: t('checkin.unwell') },
        ]}
        value={form.healthy === null ? null : form.healthy ? 'yes' : 'no'}
        onChange={(v) => change({ healthy: v === 'yes' })}
        error={errorText(errors.healthy)}
      />
      <TextField
        name="temperature"
        label={`${t('checkin.temperature')} ${t('common.optional')}`}
        type="digit"
        value={form.temperature}
        onChange={(temperature) => change({ temperature })}
        error={errorText(errors.temperature)}
        maxlength={5}
      />
      {form.healthy === false && (
        <CheckList
          name="symptoms"
          label={t('checkin.symptoms')}
          options={SYMPTOMS.map((value) => ({ value, label: t(`symptom.${value}`) }))}
          values={form.symptoms}
          onChange={(symptoms) => change({ symptoms })}
        />
      )}
      {failure !== null && <ErrorView error={failure} />}
      {done && <Notice tone="status">{t('checkin.done')}</Notice>}
      <ActionButton id="checkin-submit" label={t('checkin.submit')} onClick={submit} busy={busy} disabled={done} />
    </Screen>
  );
}
