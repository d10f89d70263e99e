import type { AuditEntryView, Paged } from '@healthcode/contracts';

export type { AuditEntryView, AuditQuery, AuditVerifyResult } from '@healthcode/contracts';

export type AuditPage = Paged<AuditEntryView>;
