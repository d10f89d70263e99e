import { screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';
import type { AuditEntryView } from './types';

const entry: AuditEntryView = {
  seq: 41,
  at: '2026-11-20T02:00:00Z',
  actor: { kind: 'staff', id: '0190a000-0000-7000-8000-000000000009', role: 'region-admin' },
  action: 'risk-levels.set',
  target: { type: 'region', id: '330106' },
  region: '330106',
  details: { level: 'high' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
};
const ok = {
  ok: true,
  checked: 41,
  head: { seq: 41, hash: 'b'.repeat(64) },
  firstBroken: null,
  verifiedAt: '2026-11-20T03:00:00Z',
};

describe('audit log', () => {
  it('lists entries, shows the chain status and filters on the server', async () => {
    const { calls } = stubFetch(({ url }) =>
      url === '/api/v1/audit/verify' ? { body: ok } : { body: { items: [entry], total: 1, page: 1, pageSize: 50 } },
    );
    signInAs('auditor', { regionScope: '' });
    const { user } = renderApp('/audit', { language: 'en' });

    expect(await screen.findByText('The hash chain holds: 41 entries checked, newest #41.')).toBeInTheDocument();
    expect(await screen.findByText('risk-levels.set')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/v1/audit?'))?.url).toBe('/api/v1/audit?page=1&pageSize=50');

    await user.type(screen.getByLabelText('Action'), 'risk-levels.set');
    await user.type(screen.getByLabelText('Target id'), '330106');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() =>
      expect(calls.at(-1)?.url).toBe('/api/v1/audit?action=risk-levels.set&targetId=330106&page=1&pageSize=50'),
    );
  });

  it('names the first broken entry', async () => {
    stubFetch(({ url }) =>
      url === '/api/v1/audit/verify'
        ? {
            body: {
              ...ok,
              ok: false,
              firstBroken: { seq: 7, reason: 'hash-mismatch', message: 'Entry 7 was changed after it was written' },
            },
          }
        : { body: { items: [], total: 0, page: 1, pageSize: 50 } },
    );
    signInAs('auditor', { regionScope: '' });
    renderApp('/audit', { language: 'en' });
    expect(await screen.findByText('The hash chain breaks at #7')).toBeInTheDocument();
    expect(screen.getByText('Entry 7 was changed after it was written (hash-mismatch)')).toBeInTheDocument();
    expect(await screen.findByText('No entries match.')).toBeInTheDocument();
  });

  it('shows the API error', async () => {
    stubFetch(() => apiError(403, 'FORBIDDEN', 'Auditors only'));
    signInAs('auditor');
    renderApp('/audit');
    await waitFor(() => expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Auditors only'));
  });
});
