import type { TestApp } from './test-app';

export interface ImportAnswer {
  status: number;
  body: any;
}

/** Uploads an authority CSV through the real multipart route: the rows are staged, not applied. */
export async function stageImport(t: TestApp, token: string, kind: string, csv: string): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `${kind}.csv`);
  const res = await fetch(`${t.baseUrl}/api/v1/admin/imports?kind=${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

/** The second person's decision on a staged import ('approve' applies it). */
export async function decideImport(
  t: TestApp,
  token: string,
  id: string,
  decision: 'approve' | 'reject' = 'approve',
): Promise<ImportAnswer> {
  const res = await fetch(`${t.baseUrl}/api/v1/admin/imports/${id}/${decision}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

/** Stages with `uploader`, applies with `approver`; refuses (throws) when either step is not 2xx. */
export async function importApproved(
  t: TestApp,
  uploader: string,
  approver: string,
  kind: string,
  csv: string,
): Promise<ImportAnswer> {
  const staged = await stageImport(t, uploader, kind, csv);
  if (staged.status !== 202) throw new Error(`upload answered ${staged.status}: ${JSON.stringify(staged.body)}`);
  const applied = await decideImport(t, approver, staged.body.id);
  if (applied.status !== 200) throw new Error(`approval answered ${applied.status}: ${JSON.stringify(applied.body)}`);
  return applied;
}
