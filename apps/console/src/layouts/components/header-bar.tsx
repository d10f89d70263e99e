import { KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import type { StaffIdentity } from '@healthcode/contracts';
import { Button, Layout, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { LanguageSwitch } from '../../components/language-switch';
import { StaffBadge } from './staff-badge';

interface HeaderBarProps {
  staff: StaffIdentity;
  menuCollapsed: boolean;
  onToggleMenu: () => void;
  onLogout: () => void;
}

export function HeaderBar({ staff, menuCollapsed, onToggleMenu, onLogout }: HeaderBarProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        paddingInline: 16,
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Button
        type="text"
        aria-label={menuCollapsed ? t('header.expandMenu') : t('header.collapseMenu')}
        aria-expanded={!menuCollapsed}
        icon={menuCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        onClick={onToggleMenu}
      />
      <div style={{ flex: 1 }} />
      <StaffBadge staff={staff} />
      <LanguageSwitch />
      <Button icon={<KeyOutlined aria-hidden />} onClick={() => navigate('/account/password')}>
        {t('header.changePassword')}
      </Button>
      <Button icon={<LogoutOutlined aria-hidden />} onClick={onLogout}>
        {t('header.logout')}
      </Button>
    </Layout.Header>
  );
}
