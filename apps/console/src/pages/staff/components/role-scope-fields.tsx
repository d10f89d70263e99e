import { STAFF_ROLES } from '@healthcode/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { SCOPE_PATTERN } from '../scope.util';

/** Role and region scope, shared by the new-account form and the role dialog. */
export function RoleScopeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('staffAdmin.role')}
        name="role"
        extra={t('staffAdmin.approvalNote')}
        rules={[{ required: true, message: t('login.required') }]}
      >
        <Select options={STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('staffAdmin.regionScope')}
        name="regionScope"
        extra={t('staffAdmin.scopeHint')}
        normalize={(value: string) => value.replace(/\s/g, '')}
        rules={[{ pattern: SCOPE_PATTERN, message: t('staffAdmin.scopeFormat') }]}
      >
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
    </>
  );
}
