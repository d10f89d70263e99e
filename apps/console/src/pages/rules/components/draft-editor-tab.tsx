import { parseRegionCode, type RuleSetAdminView } from '@healthcode/contracts';
import { RULE_PARAM_SPECS, type RuleSet } from '@healthcode/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { RunProgress } from '../../../components/run-progress';
import { rememberRun } from '../../../services/recent-runs';
import { describeRequestError, handleRequestError } from '../../../services/request-error-handler';
import { initialOverrideValues, type OverrideFormValues, overridePatch, tunableRules } from '../override-patch.util';
import { createDraft, fetchRuleSets, previewRuleSet, publishRuleSet, ruleSetsQueryKey, setOverride } from '../service';
import { ParamField } from './param-field';
import { PreviewResult } from './preview-result';
import { versionLabel } from './version-label';

/** Overrides are keyed by the canonical prefix, so a padded '330100' is not one (the API would store '3301'). */
const isPrefix = (value: string) => parseRegionCode(value) === value;

/** A draft's regional override for one prefix, a form per rule kind; then preview, then publish. */
export function DraftEditorTab({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ruleSetsQueryKey, queryFn: ({ signal }) => fetchRuleSets(signal) });
  const drafts = (list.data?.items ?? []).filter((r) => r.status !== 'published');
  const inForce = (list.data?.items ?? [])
    .filter((r) => r.status === 'published')
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  const [draftId, setDraftId] = useState<string | null>(null);
  const draft = drafts.find((d) => d.id === draftId) ?? drafts[0];
  const [prefix, setPrefix] = useState(scope);
  const [form] = Form.useForm<OverrideFormValues>();
  const [previewRun, setPreviewRun] = useState<string | null>(null);
  const [publishRun, setPublishRun] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const definition = draft?.definition as RuleSet | undefined;
  const initial = useMemo(
    () => (definition && isPrefix(prefix) ? initialOverrideValues(definition, prefix) : undefined),
    [definition, prefix],
  );
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [form, initial]);

  const invalidate = () => queryClient.invalidateQueries({ queryKey: ruleSetsQueryKey });
  const create = useMutation({
    mutationFn: (changelog: { 'zh-CN': string; en: string }) =>
      createDraft({ definition: (inForce?.definition ?? {}) as Record<string, unknown>, changelog, effectiveAt: null }),
    onSuccess: (created) => {
      setDraftId(created.id);
      return invalidate();
    },
  });
  const save = useMutation({
    mutationFn: (values: OverrideFormValues) =>
      setOverride((draft as RuleSetAdminView).id, prefix, { rules: overridePatch(definition as RuleSet, values) }),
    meta: { inlineErrors: true },
    onMutate: () => setRefusal(null),
    onError: (error) => setRefusal(handleRequestError(error, { notify: false })),
    onSuccess: () => {
      void message.success(t('rules.draft.saved'));
      return invalidate();
    },
  });
  const preview = useMutation({
    mutationFn: () => previewRuleSet((draft as RuleSetAdminView).id),
    onSuccess: ({ runId }) => {
      setPreviewRun(runId);
      return invalidate();
    },
  });
  const publish = useMutation({
    mutationFn: () => publishRuleSet((draft as RuleSetAdminView).id),
    onSuccess: ({ runId, ruleSet }) => {
      setPublishRun(runId);
      rememberRun(runId, t('dashboard.runs.rules', { version: ruleSet.version ?? '' }));
      return invalidate();
    },
  });

  return (
    <PageState loading={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
      <Flex vertical gap={16}>
        <NewDraftForm pending={create.isPending} onCreate={(changelog) => create.mutate(changelog)} />
        {!draft || !definition ? (
          <Typography.Text type="secondary">{t('rules.draft.none')}</Typography.Text>
        ) : (
          <Card
            title={
              <h2 style={{ fontSize: 16, margin: 0 }}>{t('rules.draft.editing', { draft: versionLabel(draft, t) })}</h2>
            }
          >
            <Flex vertical gap={12}>
              <Flex gap={16} wrap align="flex-end">
                <Flex vertical gap={2}>
                  <label htmlFor="draft-pick">{t('rules.draft.pick')}</label>
                  <Select
                    id="draft-pick"
                    style={{ width: 240 }}
                    value={draft.id}
                    onChange={setDraftId}
                    options={drafts.map((d) => ({ value: d.id, label: versionLabel(d, t) }))}
                  />
                </Flex>
                <Flex vertical gap={2}>
                  <label htmlFor="draft-prefix">{t('rules.draft.prefix')}</label>
                  <Input
                    id="draft-prefix"
                    style={{ width: 140 }}
                    inputMode="numeric"
                    maxLength={6}
                    value={prefix}
                    onChange={(e) => setPrefix(e.target.value.replace(/\D/g, ''))}
                    aria-describedby="draft-prefix-hint"
                  />
                </Flex>
                <Typography.Text type="secondary" id="draft-prefix-hint">
                  {t('rules.draft.prefixHint', { scope: scope || t('header.wholeCountry') })}
                </Typography.Text>
              </Flex>
              {refusal && (
                <Alert type="error" showIcon role="alert" title={t('rules.draft.refused')} description={refusal} />
              )}
              {isPrefix(prefix) && (
                <Form
                  form={form}
                  name="draft-override"
                  layout="inline"
                  onFinish={(values) => save.mutate(values)}
                  initialValues={initial}
                >
                  <Flex vertical gap={12} style={{ width: '100%' }}>
                    {tunableRules(definition).map((rule) => (
                      <fieldset key={rule.id} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
                        <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 4 }}>
                          {rule.id} · {t(`rules.kinds.${rule.kind}`, { defaultValue: rule.kind })}
                        </legend>
                        <Flex wrap gap={8}>
                          {Object.entries(RULE_PARAM_SPECS[rule.kind]).map(([param, spec]) => (
                            <ParamField key={param} ruleId={rule.id} param={param} spec={spec} />
                          ))}
                        </Flex>
                      </fieldset>
                    ))}
                    <Flex gap={8}>
                      <Button
                        type="primary"
                        htmlType="submit"
                        loading={save.isPending}
                        disabled={draft.status === 'published'}
                      >
                        {t('rules.draft.save')}
                      </Button>
                      <Button loading={preview.isPending} onClick={() => preview.mutate()}>
                        {t('rules.draft.preview')}
                      </Button>
                      <Button
                        danger
                        disabled={draft.status !== 'preview'}
                        loading={publish.isPending}
                        onClick={() =>
                          modal.confirm({
                            title: t('rules.draft.confirmTitle'),
                            content: t('rules.draft.confirmText'),
                            okText: t('rules.draft.publish'),
                            cancelText: t('common.cancel'),
                            onOk: () => publish.mutateAsync(),
                          })
                        }
                      >
                        {t('rules.draft.publish')}
                      </Button>
                    </Flex>
                    {draft.status !== 'preview' && (
                      <Typography.Text type="secondary">{t('rules.draft.previewFirst')}</Typography.Text>
                    )}
                  </Flex>
                </Form>
              )}
              {previewRun && <PreviewResult runId={previewRun} />}
              {publishRun && <RunProgress runId={publishRun} label={t('rules.risk.rescoringProgress')} />}
              {create.error ? <Alert type="error" showIcon title={describeRequestError(create.error)} /> : null}
            </Flex>
          </Card>
        )}
      </Flex>
    </PageState>
  );
}

function NewDraftForm({
  pending,
  onCreate,
}: {
  pending: boolean;
  onCreate: (changelog: { 'zh-CN': string; en: string }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ zh: string; en: string }>();
  return (
    <Form
      form={form}
      name="new-draft"
      layout="inline"
      onFinish={(v) => onCreate({ 'zh-CN': v.zh.trim(), en: v.en.trim() })}
    >
      <Form.Item
        label={t('rules.draft.changelogZh')}
        name="zh"
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        label={t('rules.draft.changelogEn')}
        name="en"
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Button htmlType="submit" loading={pending}>
        {t('rules.draft.create')}
      </Button>
    </Form>
  );
}
