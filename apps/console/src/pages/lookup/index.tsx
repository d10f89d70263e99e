import { useMutation } from '@tanstack/react-query';
import { Alert, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { handleRequestError } from '../../services/request-error-handler';
import { LookupForm } from './components/lookup-form';
import { ResidentRecord } from './components/resident-record';
import { lookupResident, toLookupRequest } from './service';
import type { LookupFormValues } from './types';

/** The hotline call's reference, when the lookup was for a call (a printed card is issued only during one). */
function callRefOf(values: LookupFormValues | undefined): string | null {
  return values?.purposeKind === 'hotline-call' ? values.purposeValue.trim() : null;
}

/** Hotline lookup by ID or phone. Nothing is shown before a purpose is stated, and every read is logged for the resident. */
export default function LookupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LookupFormValues>();
  const lookup = useMutation({
    mutationFn: (values: LookupFormValues) => lookupResident(toLookupRequest(values)),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form, notify: false }),
  });
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('lookup.title')} subtitle={t('lookup.subtitle')} />
      <Alert type="warning" showIcon role="note" title={t('lookup.notice')} />
      <LookupForm form={form} pending={lookup.isPending} onSubmit={(values) => lookup.mutate(values)} />
      {(lookup.isPending || lookup.isError || lookup.data) && (
        <section aria-label={t('lookup.results')} aria-live="polite">
          <PageState loading={lookup.isPending} error={lookup.error} empty={lookup.data?.items.length === 0}>
            {lookup.data && (
              <Flex vertical gap={16}>
                <Alert type="info" showIcon title={t('lookup.logged', { purpose: lookup.data.purpose })} />
                {lookup.data.items.map((record) => (
                  <ResidentRecord key={record.residentId} record={record} callRef={callRefOf(lookup.variables)} />
                ))}
              </Flex>
            )}
          </PageState>
        </section>
      )}
    </Flex>
  );
}
