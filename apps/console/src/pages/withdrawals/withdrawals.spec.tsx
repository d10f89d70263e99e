import { screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const FACT_ID = '0b6f1c2e-8d4a-4c55-9a3e-2f1d7c9b4e10';

const pending = {
  id: 'w-1',
  seq: 3,
  target: 'fact',
  targetId: FACT_ID,
  reason: 'wrong person matched',
  status: 'pending',
  region: '3301',
  mine: false,
  facts: null,
  runId: null,
  createdAt: '2026-11-20T03:00:00Z',
  decidedAt: null,
};

describe('withdrawals (supervisor)', () => {
  it('a supervisor reaches the page from the menu, asks to withdraw one record and approves another request', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/withdrawals' && method === 'GET') return { body: { items: [pending] } };
      if (url === '/api/v1/admin/withdrawals' && method === 'POST')
        return { status: 201, body: { ...pending, id: 'w-2', seq: 4, mine: true } };
      if (url === '/api/v1/admin/withdrawals/w-1/approve')
        return { body: { ...pending, status: 'approved', facts: 1, runId: 'run-10' } };
      if (url.startsWith('/api/v1/rescore/runs/'))
        return { body: { id: 'run-10', kind: 'withdrawal', state: 'done', done: 1, total: 1, changed: 1 } };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('supervisor');
    const { user } = renderApp('/withdrawals', { language: 'en' });

    expect(await screen.findByRole('menuitem', { name: /Withdrawals/ }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Data imports/ })).not.toBeInTheDocument();
    expect(await screen.findByText('wrong person matched', {}, { timeout: 15_000 })).toBeInTheDocument();

    // The id must be a UUID and the reason at least 5 characters, before anything is sent.
    await user.type(screen.getByLabelText('Record or import id'), 'not-an-id');
    await user.click(screen.getByRole('button', { name: 'Ask to withdraw' }));
    expect(await screen.findByText('Enter the id of the record or import (a UUID)')).toBeInTheDocument();
    expect(await screen.findByText('Say why (at least 5 characters)')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(screen.getByLabelText('Record or import id'));
    await user.type(screen.getByLabelText('Record or import id'), ` ${FACT_ID} `);
    await user.type(screen.getByLabelText('Reason for withdrawal'), 'duplicate of case 12');
    await user.click(screen.getByRole('button', { name: 'Ask to withdraw' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/withdrawals' && c.method === 'POST')?.body).toEqual({
        target: 'fact',
        id: FACT_ID,
        reason: 'duplicate of case 12',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Approve withdrawal #3' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/admin/withdrawals/w-1/approve')).toBe(true));
  }, 60_000);

  it('is not offered to a hotline agent', async () => {
    stubFetch(({ url }) => apiError(404, 'NOT_FOUND', url));
    signInAs('hotline-agent');
    renderApp('/withdrawals', { language: 'en' });
    expect(await screen.findByRole('menuitem', { name: /Appeals/ }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Withdrawals/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Record or import id')).not.toBeInTheDocument();
  }, 30_000);
});
