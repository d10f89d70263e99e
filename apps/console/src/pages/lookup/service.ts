import { request } from '../../services/request';
import type { LookupFormValues, StaffLookupRequest, StaffLookupResponse } from './types';

/** The purpose is required by the form; the number travels in the body (POST), never in a URL. */
export function toLookupRequest(values: LookupFormValues): StaffLookupRequest {
  const value = values.purposeValue.trim();
  const purpose =
    values.purposeKind === 'appeal'
      ? { kind: 'appeal' as const, appealId: value }
      : { kind: 'hotline-call' as const, callRef: value };
  return values.by === 'id'
    ? { idType: values.idType, idNumber: (values.idNumber ?? '').trim().toUpperCase(), purpose }
    : { phone: (values.phone ?? '').replace(/\s/g, ''), purpose };
}

/** `POST /api/v1/staff/lookup`: every record returned is first entered in that resident's access log. */
export function lookupResident(body: StaffLookupRequest): Promise<StaffLookupResponse> {
  return request('/v1/staff/lookup', { method: 'POST', body });
}
