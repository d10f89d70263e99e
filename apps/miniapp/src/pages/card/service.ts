import type { CardView, MyCardResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

export async function fetchMyCard(): Promise<CardView | null> {
  return (await request<MyCardResponse>('GET', '/me/card')).card;
}

/** Issues a card; one in use is revoked by the server in the same step (reissue). */
export function issueCard(): Promise<CardView> {
  return request<CardView>('POST', '/me/card');
}

export async function revokeCard(): Promise<null> {
  await request<MyCardResponse>('POST', '/me/card/revoke', { reason: 'lost' });
  return null;
}
