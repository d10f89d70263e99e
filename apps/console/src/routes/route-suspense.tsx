import { Suspense } from 'react';
import { Outlet } from 'react-router';

import { PageState } from '../components/page-state';

/** Pages are separate chunks: show the shared loading state while one downloads. */
export function RouteSuspense() {
  return (
    <Suspense fallback={<PageState loading />}>
      <Outlet />
    </Suspense>
  );
}
