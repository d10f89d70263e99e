import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ResidentDataRegistry } from '../resident-data/resident-data.registry';

/**
 * Authority facts (cases, contacts, bookings) and their change history belong to the authority that sent them and stay, keyed by the
 * HMAC of the ID number. What ties them to the account is the resident's own `residents.id_hmac`, which the
 * profile owner clears: after erasure no fact leads to the account and the account to no fact. Registered so
 * that this decision is explicit and the completeness test sees the column accounted for.
 */
@Injectable()
export class AuthorityFactErasureOwner implements OnModuleInit {
  constructor(private readonly registry: ResidentDataRegistry) {}

  onModuleInit(): void {
    this.registry.registerErasure({
      kind: 'authorityFacts',
      holds: [
        {
          table: 'authority_facts',
          column: 'id_hmac',
          action: 'keep-unlinked',
          note: "the authority's record stays; the link (residents.id_hmac) is cleared by 'profile'",
        },
        {
          table: 'authority_fact_changes',
          column: 'id_hmac',
          action: 'keep-unlinked',
          note: "the authority's history of its facts, unlinked the same way",
        },
        {
          table: 'authority_staged_rows',
          column: 'id_hmac',
          action: 'keep-unlinked',
          note: 'rows of an upload waiting for approval, unlinked the same way (deleted when decided)',
        },
        {
          table: 'authority_withdrawn_facts',
          column: 'id_hmac',
          action: 'keep-unlinked',
          note: "the authority's withdrawn records, unlinked the same way",
        },
      ],
      erase: async () => ({ count: 0 }),
    });
  }
}
