import type { HotlineDocumentType, HotlineVerificationStatus, IdType } from '@healthcode/contracts';

export type {
  HotlineDocumentType,
  HotlineVerificationCreateInput,
  HotlineVerificationDecision,
  HotlineVerificationStatus,
  HotlineVerificationView,
} from '@healthcode/contracts';

/** The filing form as typed: the call first, then the document the agent checked and why. */
export interface FileVerificationValues {
  callRef: string;
  idType: Extract<IdType, 'resident-id' | 'passport'>;
  idNumber: string;
  documentType: HotlineDocumentType;
  reason: string;
}

export type QueueTab = HotlineVerificationStatus;

/** An adult's hotline consent to a carer, as typed: the carer is found by their ID number (a logged lookup). */
export interface CareConsentValues {
  callRef: string;
  carerIdNumber: string;
  name: string;
  idType: Extract<IdType, 'resident-id' | 'passport'>;
  idNumber: string;
  birthDate?: string;
  homeRegion: string;
  documentType: HotlineDocumentType;
  reason: string;
}
