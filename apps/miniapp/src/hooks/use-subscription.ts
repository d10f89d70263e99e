import { useCallback, useEffect, useState } from 'react';

import { subscriber } from '../platform/subscribe';
import { fetchNotificationTemplates } from '../services/notification-templates';

export type SubscriptionOutcome = 'accepted' | 'declined' | 'unavailable';

/**
 * Offers a host-app subscription for one kind of message (`appeal` progress, `color` changes). The template id
 * is loaded when the screen opens, because `ask` must call the host inside the resident's tap.
 */
export function useSubscription(kind: 'appeal' | 'color'): {
  available: boolean;
  ask: () => Promise<SubscriptionOutcome>;
} {
  const [templateId, setTemplateId] = useState<string | null>(null);

  useEffect(() => {
    const host = subscriber.host;
    if (!host) return;
    let live = true;
    fetchNotificationTemplates().then(
      (templates) => live && setTemplateId(templates[host]?.[kind] ?? null),
      () => undefined, // no subscription offered; the screen works the same
    );
    return () => {
      live = false;
    };
  }, [kind]);

  const ask = useCallback(async (): Promise<SubscriptionOutcome> => {
    if (!templateId) return 'unavailable';
    try {
      const result = await subscriber.request([templateId]);
      return result?.[templateId] === 'accept' || result?.behavior === 'subscribe' ? 'accepted' : 'declined';
    } catch {
      return 'declined'; // refused, or the host's dialog failed: filing goes on regardless
    }
  }, [templateId]);

  return { available: templateId !== null, ask };
}
