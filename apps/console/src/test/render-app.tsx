import { createCache, StyleProvider } from '@ant-design/cssinjs';
import type { Locale } from '@healthcode/contracts';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { AppProviders } from '../app-providers';
import { i18n } from '../i18n/i18n';
import { consoleRoutes } from '../router';
import { createQueryClient } from '../services/query-client';

interface RenderOptions {
  language?: Locale;
}

function prepare({ language = 'zh-CN' }: RenderOptions) {
  void i18n.changeLanguage(language);
  // No retries: a failing request shows its error state at once.
  return createQueryClient({ queries: { retry: false } });
}

/** The tree the app renders, with antd's styles mocked out (they cost jsdom most of its time). */
function wrap(ui: ReactNode, queryClient: ReturnType<typeof createQueryClient>) {
  return (
    <StyleProvider mock="server" cache={createCache()}>
      <AppProviders queryClient={queryClient}>{ui}</AppProviders>
    </StyleProvider>
  );
}

/** Any component, inside the app's providers. */
export function renderWithProviders(ui: ReactNode, options: RenderOptions = {}) {
  const queryClient = prepare(options);
  return { user: userEvent.setup(), queryClient, ...render(wrap(ui, queryClient)) };
}

/** The whole console (real routes, guards and lazy pages) starting at `path`. */
export function renderApp(path: string, options: RenderOptions = {}) {
  const queryClient = prepare(options);
  const router = createMemoryRouter(consoleRoutes, { initialEntries: [path] });
  return {
    user: userEvent.setup(),
    router,
    queryClient,
    ...render(wrap(<RouterProvider router={router} />, queryClient)),
  };
}
