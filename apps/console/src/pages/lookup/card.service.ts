import type { CardSize, CardView } from '@healthcode/contracts';

import { request, requestBlob } from '../../services/request';

/** `POST /api/v1/staff/residents/:id/card`: audited and entered in the resident's access log with the call. */
export function issueCard(residentId: string, callRef: string): Promise<CardView> {
  return request(`/v1/staff/residents/${encodeURIComponent(residentId)}/card`, { method: 'POST', body: { callRef } });
}

/** The card's PDF, fetched with the bearer token (a plain link would carry none); also logged for the resident. */
export function cardPdf(residentId: string, callRef: string, size: CardSize): Promise<Blob> {
  const query = new URLSearchParams({ size, callRef });
  return requestBlob(`/v1/staff/residents/${encodeURIComponent(residentId)}/card/pdf?${query.toString()}`);
}
