import type { DeclarationRequest, MyDeclaration, ProfileResponse } from '@healthcode/contracts';

import { request } from '../../services/request';

/** For the dependant the carer acts for, when there is one. */
const ACTING = { actingFor: true } as const;

/** The profile gives the last declared current region, to start the form from. */
export function fetchProfile(): Promise<ProfileResponse> {
  return request<ProfileResponse>('GET', '/me/profile', undefined, ACTING);
}

/** All of the resident's own retained declarations, newest first. */
export async function fetchMyDeclarations(): Promise<MyDeclaration[]> {
  const { items } = await request<{ items: MyDeclaration[] }>('GET', '/me/declarations', undefined, ACTING);
  return [...items].sort((a, b) => b.declaredAt.localeCompare(a.declaredAt));
}

export function submitDeclaration(body: DeclarationRequest): Promise<unknown> {
  return request<unknown>('POST', '/me/declarations', body, ACTING);
}
