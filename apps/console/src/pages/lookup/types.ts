import type { CodeHistoryEntry, CodeResponse, IdType } from '@healthcode/contracts';

// Local mirror of apps/api's lookup.dto.ts: its types are not in @healthcode/contracts yet.

export type LookupPurpose = { kind: 'appeal'; appealId: string } | { kind: 'hotline-call'; callRef: string };

export interface StaffLookupRequest {
  idType?: IdType;
  idNumber?: string;
  phone?: string;
  purpose: LookupPurpose;
}

/** The code exactly as the resident sees it, minus the QR token. */
export type StaffCodeView = Omit<CodeResponse, 'token' | 'tokenExpiresAt'>;

export interface ResidentRecordView {
  residentId: string;
  identity: { name: string | null; idType: IdType | null; idNumber: string | null; phone: string | null; homeRegion: string | null; currentRegion: string | null };
  code: StaffCodeView;
  declarations: { id: string; declaredAt: string; currentRegion: string; stays: unknown[]; symptoms: unknown[]; contactDate: string | null; deleteAt: string }[];
  checkIns: { id: string; day: string; healthy: boolean; temperature: number | null; symptoms: string[]; deleteAt: string }[];
  history: CodeHistoryEntry[];
}

export interface StaffLookupResponse {
  items: ResidentRecordView[];
  purpose: string;
}

/** The form as typed: the purpose first, then what to search by. */
export interface LookupFormValues {
  purposeKind: LookupPurpose['kind'];
  purposeValue: string;
  by: 'id' | 'phone';
  idType: IdType;
  idNumber?: string;
  phone?: string;
}
