import type {
  AddAdultRequest,
  AddMinorRequest,
  CarerView,
  ConsentResponse,
  DependantView,
} from '@healthcode/contracts';

import { request } from '../../services/request';

export async function fetchDependants(): Promise<DependantView[]> {
  return (await request<{ items: DependantView[] }>('GET', '/me/dependants')).items;
}

export async function fetchCarers(): Promise<CarerView[]> {
  return (await request<{ items: CarerView[] }>('GET', '/me/carers')).items;
}

export function fetchConsentVersion(): Promise<string> {
  return request<ConsentResponse>('GET', '/consent').then((c) => c.version);
}

export function addMinor(body: AddMinorRequest): Promise<DependantView> {
  return request<DependantView>('POST', '/me/dependants/minors', body);
}

export function askAdult(body: AddAdultRequest): Promise<DependantView> {
  return request<DependantView>('POST', '/me/dependants/adults', body);
}

export function removeDependant(linkId: string): Promise<void> {
  return request<void>('DELETE', `/me/dependants/${linkId}`);
}

export function acceptCarer(linkId: string): Promise<unknown> {
  return request('POST', `/me/carers/${linkId}/accept`, {});
}

export function removeCarer(linkId: string): Promise<void> {
  return request<void>('DELETE', `/me/carers/${linkId}`);
}
