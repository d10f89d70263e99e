import type { StaffLookupResponse } from '@healthcode/contracts';

import { request } from '../../services/request';
import type {
  CareConsentValues,
  FileVerificationValues,
  HotlineVerificationCreateInput,
  HotlineVerificationDecision,
  HotlineVerificationStatus,
  HotlineVerificationView,
} from './types';

export const identityVerificationsQueryKey = ['identity-verifications'] as const;

export function fetchVerifications(
  status: HotlineVerificationStatus,
  signal?: AbortSignal,
): Promise<{ items: HotlineVerificationView[] }> {
  return request('/v1/staff/identity-verifications', { query: { status }, signal });
}

/** The filing as the API takes it, for the resident the lookup found. */
export function toFiling(values: FileVerificationValues, residentId: string): HotlineVerificationCreateInput {
  return {
    residentId,
    idType: values.idType,
    idNumber: values.idNumber.trim().toUpperCase(),
    documentType: values.documentType,
    reason: values.reason.trim(),
    callRef: values.callRef.trim(),
  };
}

/**
 * Files a document check: the agent's hotline lookup of the number on the document (logged for the resident, with
 * the call as its purpose) finds whose profile it is, then the check is filed for a supervisor. Numbers travel in
 * POST bodies only.
 */
export async function fileVerification(values: FileVerificationValues): Promise<HotlineVerificationView> {
  const found = await request<StaffLookupResponse>('/v1/staff/lookup', {
    method: 'POST',
    body: {
      idType: values.idType,
      idNumber: values.idNumber.trim().toUpperCase(),
      purpose: { kind: 'hotline-call', callRef: values.callRef.trim() },
    },
  });
  const [resident] = found.items;
  return request('/v1/staff/identity-verifications', { method: 'POST', body: toFiling(values, resident.residentId) });
}

/**
 * Files an adult's hotline consent to a carer: the carer is found with a logged lookup of their ID number (the call
 * as its purpose), then the consent and the adult's document check go to a supervisor in one request.
 */
export async function fileCareConsent(values: CareConsentValues): Promise<HotlineVerificationView> {
  const callRef = values.callRef.trim();
  const found = await request<StaffLookupResponse>('/v1/staff/lookup', {
    method: 'POST',
    body: {
      idType: 'resident-id',
      idNumber: values.carerIdNumber.trim().toUpperCase(),
      purpose: { kind: 'hotline-call', callRef },
    },
  });
  const [carer] = found.items;
  return request('/v1/staff/care-consents', {
    method: 'POST',
    body: {
      carerResidentId: carer.residentId,
      name: values.name.trim(),
      idType: values.idType,
      idNumber: values.idNumber.trim().toUpperCase(),
      ...(values.idType === 'passport' && values.birthDate ? { birthDate: values.birthDate.trim() } : {}),
      homeRegion: values.homeRegion.trim(),
      documentType: values.documentType,
      reason: values.reason.trim(),
      callRef,
    },
  });
}

export function decideVerification(id: string, body: HotlineVerificationDecision): Promise<HotlineVerificationView> {
  return request(`/v1/staff/identity-verifications/${encodeURIComponent(id)}/decision`, { method: 'POST', body });
}
