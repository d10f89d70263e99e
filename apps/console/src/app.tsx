import { RouterProvider } from 'react-router';

import { AppProviders } from './app-providers';
import { createConsoleRouter } from './router';
import { createQueryClient } from './services/query-client';

const queryClient = createQueryClient();
const router = createConsoleRouter();

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
