import type { CarerView, DependantView } from '@healthcode/contracts';

import type { CareLinkEntity } from './care-link.entity';
import type { CareLinkListed } from './care-link.repository';

/** The views of a care link, and a new link: a child's is active at once (the guardian's declaration), an adult's waits for their consent. */
export function linkRow(
  id: string,
  carerId: string,
  dependantId: string,
  kind: 'minor' | 'adult',
  now: Date,
): CareLinkEntity {
  const minor = kind === 'minor';
  return {
    id,
    carerId,
    dependantId,
    kind,
    status: minor ? 'active' : 'pending',
    live: 1,
    consentMethod: minor ? 'guardian-declaration' : null,
    createdAt: now,
    confirmedAt: minor ? now : null,
    confirmedByStaff: null,
    removedAt: null,
    removedBy: null,
  };
}

export function dependantView({ link, name, color }: CareLinkListed): DependantView {
  return {
    linkId: link.id,
    dependantId: link.dependantId,
    name,
    kind: link.kind,
    status: link.status,
    consentMethod: link.consentMethod,
    color,
    createdAt: link.createdAt.toISOString(),
    confirmedAt: link.confirmedAt?.toISOString() ?? null,
  };
}

export function carerView({ link, name }: CareLinkListed): CarerView {
  return {
    linkId: link.id,
    name,
    kind: link.kind,
    status: link.status,
    consentMethod: link.consentMethod,
    createdAt: link.createdAt.toISOString(),
    confirmedAt: link.confirmedAt?.toISOString() ?? null,
  };
}
