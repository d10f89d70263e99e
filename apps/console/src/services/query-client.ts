import { MutationCache, QueryCache, QueryClient, type QueryClientConfig } from '@tanstack/react-query';

import { ApiRequestError, NetworkError } from './request-error';
import { handleRequestError } from './request-error-handler';
import { sessionStore } from './session';

/** Transient failures are worth a second try; a 4xx will answer the same again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const transient = error instanceof NetworkError || (error instanceof ApiRequestError && error.statusCode >= 500);
  return transient && failureCount < 2;
}

export function createQueryClient(defaultOptions?: QueryClientConfig['defaultOptions']): QueryClient {
  return new QueryClient({
    // Pages render query errors in their PageState; here only the side effects (a 401 ends the session).
    queryCache: new QueryCache({ onError: (error) => handleRequestError(error, { notify: false }) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineErrors) handleRequestError(error);
      },
    }),
    defaultOptions: {
      // networkMode 'always': offline shows "cannot reach the server" instead of a silently paused spinner.
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        networkMode: 'always',
        ...defaultOptions?.queries,
      },
      mutations: { retry: false, networkMode: 'always', ...defaultOptions?.mutations },
    },
  });
}

/** Nothing a previous staff member loaded may outlive their session. Returns the unsubscribe. */
export function clearCacheOnSessionEnd(client: QueryClient): () => void {
  return sessionStore.subscribe(() => {
    if (!sessionStore.get()) client.clear();
  });
}
