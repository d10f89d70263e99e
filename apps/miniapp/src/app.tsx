import type { PropsWithChildren } from 'react';

import './app.css';
import { initI18n } from './i18n/i18n';
import { restartAt } from './navigation/navigate';
import { setUnauthenticatedHandler } from './services/request';

// Before any page renders: pages read translations synchronously.
initI18n();
// A refused token (expired, revoked, data deleted elsewhere) sends the resident back to sign in.
setUnauthenticatedHandler(() => restartAt('login'));

export default function App({ children }: PropsWithChildren) {
  return children;
}
