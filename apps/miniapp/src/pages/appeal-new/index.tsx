import { Text, View } from '@tarojs/components';
import { APPEAL_STATEMENT_MAX, type AppealCategoryOption, type CodeReason } from '@healthcode/contracts';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { ChoiceGroup } from '../../components/choice-group';
import { EvidenceList } from '../../components/evidence-list';
import { TextAreaField } from '../../components/form-field/text-area-field';
import { Heading } from '../../components/heading';
import { Screen } from '../../components/screen';
import { EmptyView, ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import type { EvidenceFile } from '../../evidence/evidence-file.util';
import { type FieldErrors, fieldErrorsFromApi, withoutFieldErrors } from '../../forms/field-errors.util';
import { localizeValidationMessage } from '../../forms/validation-message.util';
import { useResource } from '../../hooks/use-resource';
import { useSubscription } from '../../hooks/use-subscription';
import { currentLocale } from '../../i18n/i18n';
import { localized } from '../../i18n/localized-text.util';
import { pageUrl } from '../../navigation/navigate';
import { isApiRequestError } from '../../services/api-request-error';
import { appealFields, type AppealFormState, findReason } from './appeal-form.util';
import { fetchAppealCategories, fetchCode, fileAppeal } from './service';

function AppealForm({ reason, categories }: { reason: CodeReason; categories: readonly AppealCategoryOption[] }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AppealFormState>({ category: null, statement: '' });
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const subscription = useSubscription('appeal');
  const err = (path: string) => (errors[path] ? localizeValidationMessage(errors[path], t) : undefined);

  const submit = async () => {
    setFailure(null);
    const checked = appealFields(reason, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      // Inside the tap, before filing (WeChat allows the dialog only from a tap): the resident chooses whether
      // the appeal's progress comes as a WeChat / Alipay message. Declining changes nothing about the appeal.
      await subscription.ask();
      const appeal = await fileAppeal(checked.fields, files);
      void Taro.redirectTo({ url: pageUrl('appeal', { number: String(appeal.number) }) });
    } catch (e) {
      if (isApiRequestError(e) && e.errors.length) setErrors(fieldErrorsFromApi(e.errors));
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className="card" aria-label="appealed reason">
        <Heading level={2}>{t('appeal.reasonHeading')}</Heading>
        <Text className="reason__text">{localized(reason.text, currentLocale())}</Text>
        <Text className="muted small">
          {t(`source.${reason.fact.source}`)} · {reason.ruleId} v{reason.ruleVersion}
        </Text>
      </View>
      <ChoiceGroup
        name="category"
        label={t('appeal.category')}
        options={categories.map((c) => ({ value: c.key, label: localized(c.label, currentLocale()) }))}
        value={form.category}
        onChange={(category) => {
          setForm((f) => ({ ...f, category }));
          setErrors((e) => withoutFieldErrors(e, 'category'));
        }}
        error={err('category')}
      />
      <TextAreaField
        name="statement"
        label={t('appeal.statement')}
        hint={t('appeal.statementHint')}
        value={form.statement}
        maxlength={APPEAL_STATEMENT_MAX}
        onChange={(statement) => {
          setForm((f) => ({ ...f, statement }));
          setErrors((e) => withoutFieldErrors(e, 'statement'));
        }}
        error={err('statement')}
      />
      <EvidenceList files={files} onChange={setFiles} />
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton id="appeal-submit" label={t('appeal.submit')} onClick={() => void submit()} busy={busy} />
    </View>
  );
}

/** Appeal one reason on my code: category, statement, evidence. The reason comes by its key. */
export default function AppealNewPage() {
  const { t } = useTranslation();
  const key = useRouter().params.key ?? '';
  // The code for the reason, and the categories of the region responsible for it, in one load.
  const [loaded, reload] = useResource(() => Promise.all([fetchCode(), fetchAppealCategories()]), []);

  return (
    <Screen title={t('appeal.newTitle')} back="code" acting>
      <ResourceView resource={loaded} onRetry={reload}>
        {([c, offered]) => {
          const reason = findReason(c.reasons, decodeURIComponent(key));
          return reason ? (
            <AppealForm reason={reason} categories={offered.categories} />
          ) : (
            <EmptyView message={t('appeal.reasonGone')} />
          );
        }}
      </ResourceView>
    </Screen>
  );
}
