import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Layout, theme, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';

import { PageState } from '../components/page-state';
import { logout as revokeSession } from '../pages/login/service';
import { useSession } from '../hooks/use-session';
import { sessionStore } from '../services/session';
import { HeaderBar } from './components/header-bar';
import { SideMenu } from './components/side-menu';

/** The frame around every signed-in page: role-filtered menu on the side, who-am-I in the header. */
export default function BasicLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const session = useSession();
  const navigate = useNavigate();
  const [menuCollapsed, setMenuCollapsed] = useState(false);

  if (!session) return null; // RequireAuth redirects; this only narrows the type

  const logout = () => {
    // Sent before the token is forgotten (the request reads it synchronously); the server refuses it from now on.
    revokeSession().catch(() => undefined);
    // Leave first, so the login page opens without "return to" state from this page.
    navigate('/login', { replace: true });
    sessionStore.clear();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={220}
        breakpoint="lg"
        collapsible
        collapsed={menuCollapsed}
        onCollapse={setMenuCollapsed}
        trigger={null}
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, height: 64, paddingInline: 24 }}>
          <SafetyCertificateOutlined aria-hidden style={{ fontSize: 20, color: token.colorPrimary }} />
          {!menuCollapsed && (
            <Typography.Text strong ellipsis>
              {t('app.title')}
            </Typography.Text>
          )}
        </div>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar
          staff={session.staff}
          menuCollapsed={menuCollapsed}
          onToggleMenu={() => setMenuCollapsed((collapsed) => !collapsed)}
          onLogout={logout}
        />
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<PageState loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
