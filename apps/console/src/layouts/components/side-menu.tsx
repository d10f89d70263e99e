import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

import { useAccess } from '../../hooks/use-access';
import { CONSOLE_ROUTES } from '../../routes/console-routes';

/** Only the sections the role may open; the API refuses the rest anyway. */
export function SideMenu() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const visible = CONSOLE_ROUTES.filter((route) => access[route.permission]);
  const selected = visible.find((route) => pathname === route.path || pathname.startsWith(`${route.path}/`));

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={visible.map((route) => ({ key: route.path, icon: route.icon, label: t(`nav.${route.key}`) }))}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  );
}
