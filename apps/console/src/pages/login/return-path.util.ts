import type { StaffIdentity } from '@healthcode/contracts';

import access from '../../access';
import { CONSOLE_ROUTES, HOME_PATH } from '../../routes/console-routes';

/**
 * Where to go after signing in: back to the page that sent us here, if it is a console page this
 * staff member may open (the previous user of the browser may have had another role), else home.
 */
export function resolveReturnPath(from: unknown, staff: Pick<StaffIdentity, 'role'>): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return HOME_PATH;
  const pathname = from.split('?')[0];
  const route = CONSOLE_ROUTES.find((r) => pathname === r.path || pathname.startsWith(`${r.path}/`));
  return route && access(staff)[route.permission] ? from : HOME_PATH;
}
