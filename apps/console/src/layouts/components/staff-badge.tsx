import type { StaffIdentity } from '@healthcode/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { regionLabel } from '../../services/region-label.util';

/** Who is signed in, as what, and over which region: the three things that decide what they see. */
export function StaffBadge({ staff }: { staff: StaffIdentity }) {
  const { t } = useTranslation();
  const scope = staff.regionScope ? regionLabel(staff.regionScope) : t('header.wholeCountry');
  return (
    <Space size={8} wrap={false}>
      <Typography.Text strong>{staff.displayName}</Typography.Text>
      <Tag color="blue" variant="outlined">
        {t(`roles.${staff.role}`)}
      </Tag>
      <Typography.Text type="secondary">{t('header.regionScope', { region: scope })}</Typography.Text>
    </Space>
  );
}
