import type { CardView, MyCardResponse, MyScan } from '@healthcode/contracts';

import { request } from '../../services/request';

/** A carer acting for a dependant issues, prints and revokes the dependant's card. */
const ACTING = { actingFor: true } as const;

export async function fetchMyCard(): Promise<CardView | null> {
  return (await request<MyCardResponse>('GET', '/me/card', undefined, ACTING)).card;
}

/** Issues a card; one in use is revoked by the server in the same step (reissue). */
export function issueCard(): Promise<CardView> {
  return request<CardView>('POST', '/me/card', undefined, ACTING);
}

export async function revokeCard(): Promise<null> {
  await request<MyCardResponse>('POST', '/me/card/revoke', { reason: 'lost' }, ACTING);
  return null;
}

/** The scans of the person whose card this is (the dependant's while acting for one), newest first. */
export async function fetchCardHolderScans(): Promise<MyScan[]> {
  const { items } = await request<{ items: MyScan[] }>('GET', '/me/scans', undefined, ACTING);
  return [...items].sort((a, b) => b.scannedAt.localeCompare(a.scannedAt));
}
