import type { JSONWebKeySet } from 'jose';

import { isCardId } from './card-token-claims.util';
import type { CardStatusList } from './card-token.model';
import { ISSUER_ID_PATTERN } from './code-token-claims.util';
import type { CodeTokenKeyResolver } from './key-resolver.util';
import { CARD_STATUS_LIST_TYP } from './qr-token.constant';
import { readDocument, signDocument, type SignedDocumentResult } from './signed-document.util';
import type { SigningKey } from './signing-key.util';

/** About 300,000 listed cards; a list beyond that is refused unread rather than parsed on a checkpoint phone. */
const MAX_STATUS_LIST_LENGTH = 8 * 1024 * 1024;

/**
 * Signs the card status list. The ids are sorted, so the order says nothing about when a card was listed,
 * and each id appears once (a revoked card is listed as revoked only).
 */
export function signCardStatusList(list: CardStatusList, key: SigningKey): Promise<string> {
  const revoked = [...new Set(list.revoked)].sort();
  const revokedSet = new Set(revoked);
  const notGreen = [...new Set(list.notGreen)].filter((id) => !revokedSet.has(id)).sort();
  return signDocument(CARD_STATUS_LIST_TYP, { iss: list.iss, iat: list.iat, revoked, notGreen }, key);
}

/** Reads a card status list with the publisher's key set (the one that verifies its card tokens). */
export async function readCardStatusList(
  jws: unknown,
  keys: JSONWebKeySet | CodeTokenKeyResolver,
): Promise<SignedDocumentResult<CardStatusList>> {
  const read = await readDocument(CARD_STATUS_LIST_TYP, jws, keys, MAX_STATUS_LIST_LENGTH);
  if (!read.ok) return read;
  const { iss, iat, revoked, notGreen } = read.value;
  const ok =
    typeof iss === 'string' &&
    ISSUER_ID_PATTERN.test(iss) &&
    Number.isSafeInteger(iat) &&
    (iat as number) > 0 &&
    isIdList(revoked) &&
    isIdList(notGreen);
  if (!ok) return { ok: false, error: 'bad-contents' };
  return { ok: true, value: { iss, iat: iat as number, revoked, notGreen }, kid: read.kid };
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isCardId);
}
