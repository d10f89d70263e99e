import { useMemo } from 'react';

import access, { type Access } from '../access';
import { useSession } from './use-session';

export function useAccess(): Access {
  const staff = useSession()?.staff;
  return useMemo(() => access(staff), [staff]);
}
