import type { CaseFact, CloseContactFact, ResidentFacts, TransportBookingFact } from './facts.types';

/** One authority record as the feed sends it. */
export type AuthorityRecord =
  | { readonly kind: 'case'; readonly fact: CaseFact }
  | { readonly kind: 'contact'; readonly fact: CloseContactFact }
  | { readonly kind: 'booking'; readonly fact: TransportBookingFact };

/**
 * What happens to a resident's authority facts over time, by the fact's stable key (case id, or ID number and
 * date): an import of a new key adds a fact, an import of a key on file corrects it in place (confirmed →
 * cleared, dates fixed), a withdrawal removes it (a later import of that key adds it anew).
 */
export type AuthorityEvent =
  | { readonly type: 'import'; readonly key: string; readonly record: AuthorityRecord }
  | { readonly type: 'withdraw'; readonly key: string };

/** The facts on file after the events, by key, in the order their keys were first (re-)added. */
export function replayAuthorityEvents(events: readonly AuthorityEvent[]): ReadonlyMap<string, AuthorityRecord> {
  const onFile = new Map<string, AuthorityRecord>();
  for (const event of events) {
    if (event.type === 'withdraw') onFile.delete(event.key);
    else onFile.set(event.key, event.record);
  }
  return onFile;
}

/** The resident's facts with their authority facts replaced by `records` (the ones on file). */
export function withAuthorityFacts(base: ResidentFacts, records: Iterable<AuthorityRecord>): ResidentFacts {
  const cases: CaseFact[] = [];
  const closeContacts: CloseContactFact[] = [];
  const transportBookings: TransportBookingFact[] = [];
  for (const r of records) {
    if (r.kind === 'case') cases.push(r.fact);
    else if (r.kind === 'contact') closeContacts.push(r.fact);
    else transportBookings.push(r.fact);
  }
  return { ...base, cases, closeContacts, transportBookings };
}
