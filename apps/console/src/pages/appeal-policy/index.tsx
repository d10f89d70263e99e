import {
  type AppealCategory,
  type AppealCategoryOption,
  type AppealPolicyView,
  DEFAULT_APPEAL_CATEGORIES,
  type Locale,
} from '@healthcode/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { PageState } from '../../components/page-state';
import { useSession } from '../../hooks/use-session';
import { regionLabel } from '../../services/region-label.util';
import { PolicyForm, type PolicyFormValues } from './components/policy-form';
import { appealPoliciesQueryKey, fetchAppealPolicies } from './service';

/** Appeal deadlines, the two-person rule and categories per region: the defaults, the regions that differ, an editor. */
export default function AppealPolicyPage() {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const categoryList = (categories: AppealCategoryOption[]) => categories.map((c) => c.label[lang]).join('; ');
  const scope = useSession()?.staff.regionScope ?? '';
  const list = useQuery({ queryKey: appealPoliciesQueryKey, queryFn: ({ signal }) => fetchAppealPolicies(signal) });
  const [editing, setEditing] = useState<AppealPolicyView | null>(null);
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const initial = useMemo<PolicyFormValues>(() => {
    const base = editing ?? list.data?.defaults;
    return {
      regionPrefix: editing?.regionPrefix ?? (scope || ''),
      firstResponseHours: base?.firstResponseHours ?? 24,
      decisionHours: base?.decisionHours ?? 72,
      loweringNeedsApproval: base?.loweringNeedsApproval ?? true,
      known: (base?.categories ?? DEFAULT_APPEAL_CATEGORIES)
        .filter((c) => !c.custom)
        .map((c) => c.key as AppealCategory),
      custom: (base?.categories ?? [])
        .filter((c) => c.custom)
        .map((c) => ({ key: c.key, zh: c.label['zh-CN'], en: c.label.en })),
    };
  }, [editing, list.data, scope]);
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('appealPolicy.title')} subtitle={t('appealPolicy.subtitle')} />
      <PageState loading={list.isPending} error={list.error} onRetry={() => void list.refetch()}>
        {list.data && (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('appealPolicy.defaults')}</h2>}>
            <Descriptions
              column={1}
              items={[
                {
                  key: 'f',
                  label: t('appealPolicy.firstResponseHours'),
                  children: list.data.defaults.firstResponseHours,
                },
                { key: 'd', label: t('appealPolicy.decisionHours'), children: list.data.defaults.decisionHours },
                {
                  key: 'a',
                  label: t('appealPolicy.loweringNeedsApproval'),
                  children: yesNo(list.data.defaults.loweringNeedsApproval),
                },
                {
                  key: 'c',
                  label: t('appealPolicy.categories'),
                  children: categoryList(list.data.defaults.categories),
                },
              ]}
            />
          </Card>
        )}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('appealPolicy.regions')}</h2>}>
          <Table<AppealPolicyView>
            size="small"
            rowKey="regionPrefix"
            dataSource={list.data?.items}
            pagination={false}
            locale={{ emptyText: t('appealPolicy.none') }}
            columns={[
              { title: t('appealPolicy.region'), dataIndex: 'regionPrefix', render: regionLabel },
              { title: t('appealPolicy.firstResponseHours'), dataIndex: 'firstResponseHours', align: 'right' },
              { title: t('appealPolicy.decisionHours'), dataIndex: 'decisionHours', align: 'right' },
              { title: t('appealPolicy.loweringNeedsApproval'), dataIndex: 'loweringNeedsApproval', render: yesNo },
              { title: t('appealPolicy.categories'), dataIndex: 'categories', render: categoryList },
              {
                title: t('appealPolicy.actions'),
                key: 'edit',
                render: (_v, row) => (
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('appealPolicy.editRegion', { region: regionLabel(row.regionPrefix) })}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </PageState>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('appealPolicy.set')}</h2>}>
        <PolicyForm initial={initial} />
      </Card>
    </Flex>
  );
}
