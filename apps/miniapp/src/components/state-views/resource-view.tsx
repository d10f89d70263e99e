import type { ReactNode } from 'react';

import type { Resource } from '../../hooks/use-resource';
import { EmptyView, ErrorView, LoadingView } from './index';

interface ResourceViewProps<T> {
  resource: Resource<T>;
  onRetry: () => void;
  /** When given and true for the data, the empty message replaces the content. */
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error, empty and ready states of one resource, the same way on every screen. */
export function ResourceView<T>({ resource, onRetry, isEmpty, emptyMessage, children }: ResourceViewProps<T>) {
  if (resource.status === 'loading') return <LoadingView />;
  if (resource.status === 'error') return <ErrorView error={resource.error} onRetry={onRetry} />;
  if (isEmpty?.(resource.data) && emptyMessage) return <EmptyView message={emptyMessage} />;
  return <>{children(resource.data)}</>;
}
