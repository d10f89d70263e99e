import type { IdType, LookupPurpose } from '@healthcode/contracts';

export type {
  LookupPurpose,
  ResidentRecordView,
  StaffCodeView,
  StaffLookupRequestInput as StaffLookupRequest,
  StaffLookupResponse,
} from '@healthcode/contracts';

/** The form as typed: the purpose first, then what to search by. */
export interface LookupFormValues {
  purposeKind: LookupPurpose['kind'];
  purposeValue: string;
  by: 'id' | 'phone';
  idType: IdType;
  idNumber?: string;
  phone?: string;
}
