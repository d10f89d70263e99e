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
