import { createHash } from 'node:crypto';

/**
 * The stable key of an authority fact (`authority_facts.row_hash`): a feed's case id when it has one, else the
 * fact's kind, the ID HMAC and its dates (and a journey's ends). It contains the HMAC, so a key rotation moves it.
 */
export function authorityFactKey(
  kind: string,
  idHmac: Buffer,
  data: Record<string, string | null | undefined>,
): Buffer {
  const key = data.caseId
    ? ['case-id', data.caseId]
    : kind === 'booking'
      ? [kind, idHmac.toString('hex'), data.date, data.mode, data.fromRegion, data.toRegion]
      : [kind, idHmac.toString('hex'), data.date];
  return createHash('sha256').update(JSON.stringify(key)).digest();
}
