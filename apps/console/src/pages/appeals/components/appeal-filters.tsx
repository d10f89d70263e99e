import {
  APPEAL_DEADLINE_FILTERS,
  APPEAL_STATUSES,
  type AppealCategoryOption,
  type AppealDeadlineFilter,
  type Locale,
} from '@healthcode/contracts';
import { Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import type { AppealFilters } from '../types';

interface AppealFiltersBarProps {
  value: AppealFilters;
  ruleIds: string[];
  categories: AppealCategoryOption[];
  onChange: (next: AppealFilters) => void;
}

/** Status, "mine", region, deadline state, disputed rule and category, each with a visible label. */
export function AppealFiltersBar({ value, ruleIds, categories, onChange }: AppealFiltersBarProps) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const set = (patch: Partial<AppealFilters>) => onChange({ ...value, ...patch });
  const field = (id: string, label: string, control: React.ReactNode) => (
    <Flex vertical gap={2}>
      <label htmlFor={id}>{label}</label>
      {control}
    </Flex>
  );
  return (
    <Flex gap={16} wrap align="flex-end" role="search" aria-label={t('appeals.filters.label')}>
      {field(
        'appeal-filter-status',
        t('appeals.filters.status'),
        <Select
          id="appeal-filter-status"
          allowClear
          style={{ width: 160 }}
          placeholder={t('appeals.filters.all')}
          value={value.status}
          onChange={(status) => set({ status })}
          options={APPEAL_STATUSES.map((status) => ({ value: status, label: t(`appeals.status.${status}`) }))}
        />,
      )}
      {field(
        'appeal-filter-region',
        t('appeals.filters.region'),
        <Input
          id="appeal-filter-region"
          style={{ width: 140 }}
          inputMode="numeric"
          maxLength={6}
          placeholder="3301"
          value={value.region}
          onChange={(event) => set({ region: event.target.value.replace(/\D/g, '') || undefined })}
        />,
      )}
      {field(
        'appeal-filter-deadline',
        t('appeals.filters.deadline'),
        <Select<AppealDeadlineFilter>
          id="appeal-filter-deadline"
          allowClear
          style={{ width: 160 }}
          placeholder={t('appeals.filters.all')}
          value={value.deadline}
          onChange={(deadline) => set({ deadline })}
          options={APPEAL_DEADLINE_FILTERS.map((state) => ({ value: state, label: t(`appeals.deadline.${state}`) }))}
        />,
      )}
      {field(
        'appeal-filter-rule',
        t('appeals.filters.rule'),
        <Select
          id="appeal-filter-rule"
          allowClear
          style={{ width: 200 }}
          placeholder={t('appeals.filters.all')}
          value={value.ruleId}
          onChange={(ruleId) => set({ ruleId })}
          options={ruleIds.map((ruleId) => ({ value: ruleId, label: ruleId }))}
        />,
      )}
      {field(
        'appeal-filter-category',
        t('appeals.filters.category'),
        <Select
          id="appeal-filter-category"
          allowClear
          style={{ width: 240 }}
          placeholder={t('appeals.filters.all')}
          value={value.category}
          onChange={(category) => set({ category })}
          options={categories.map((c) => ({ value: c.key, label: c.label[lang] }))}
        />,
      )}
      <Checkbox checked={Boolean(value.mine)} onChange={(event) => set({ mine: event.target.checked || undefined })}>
        {t('appeals.filters.mine')}
      </Checkbox>
    </Flex>
  );
}
