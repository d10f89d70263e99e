import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

import type { AuditQuery } from '../types';

interface FilterValues {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Blank fields are left out; the dates become instants (start of the first day, end of the last). */
export function toAuditFilters(values: FilterValues): Omit<AuditQuery, 'page' | 'pageSize'> {
  const text = (v?: string) => v?.trim() || undefined;
  const [from, to] = values.range ?? [null, null];
  return {
    action: text(values.action),
    actorId: text(values.actorId),
    targetType: text(values.targetType),
    targetId: text(values.targetId),
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  };
}

export function AuditFilters({ onApply }: { onApply: (filters: Omit<AuditQuery, 'page' | 'pageSize'>) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form
      form={form}
      name="audit-filters"
      layout="inline"
      onFinish={(v) => onApply(toAuditFilters(v))}
      role="search"
      aria-label={t('audit.filters')}
    >
      <Form.Item label={t('audit.action')} name="action">
        <Input placeholder="staff.created" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label={t('audit.targetType')} name="targetType">
        <Input placeholder="region" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label={t('audit.targetId')} name="targetId">
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('audit.actorId')} name="actorId">
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label={t('audit.range')} name="range">
        <DatePicker.RangePicker />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('audit.apply')}
      </Button>
    </Form>
  );
}
