import type { StaffAccountView, StaffGrantView } from '@healthcode/contracts';
import { screen, waitFor, within } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const agent: StaffAccountView = {
  id: 'acc-1',
  username: 'li.na',
  displayName: '李娜',
  role: 'hotline-agent',
  regionScope: '3301',
  disabled: false,
  lockedUntil: '2099-01-01T00:00:00Z',
  totpEnabled: false,
  lastLoginAt: null,
  createdAt: '2026-11-20T02:00:00Z',
  pendingGrantId: null,
};

const grant = (over: Partial<StaffGrantView> = {}): StaffGrantView => ({
  id: 'grant-1',
  kind: 'change',
  staffId: 'acc-2',
  username: 'zhao.lei',
  displayName: '赵磊',
  role: 'supervisor',
  regionScope: '3301',
  previousRole: 'hotline-agent',
  previousRegionScope: '3301',
  status: 'pending',
  requestedBy: 'admin-2',
  requestedByName: '陈静',
  requestedAt: '2026-12-01T02:00:00Z',
  decidedBy: null,
  decidedByName: null,
  decidedAt: null,
  reason: null,
  ...over,
});

describe('staff management', () => {
  it('shows states in words, unlocks after confirming, and approves another admin’s grant', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (method === 'POST') return { body: url.includes('grants') ? grant({ status: 'approved' }) : agent };
      if (url.startsWith('/api/v1/staff/grants')) return { body: { items: [grant()] } };
      return { body: { items: [agent] } };
    });
    signInAs('system-admin', { regionScope: '33' });
    const { user } = renderApp('/staff', { language: 'en' });

    const row = (await screen.findByText('li.na', {}, { timeout: 30_000 })).closest('tr')!;
    expect(within(row).getByText(/Locked until/)).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Unlock 李娜' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/staff/accounts/acc-1/unlock')).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Approve the role grant for 赵磊' }));
    await user.click((await screen.findAllByRole('button', { name: 'Confirm' })).at(-1)!);
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/staff/grants/grant-1/approve')).toBe(true));
  });

  it('offers no decision on one’s own request, and says why', async () => {
    stubFetch(({ url }) =>
      url.startsWith('/api/v1/staff/grants')
        ? { body: { items: [grant({ requestedBy: 'staff-1' })] } }
        : { body: { items: [] } },
    );
    signInAs('system-admin');
    renderApp('/staff', { language: 'en' });
    expect(await screen.findByText('You asked for this: a second system administrator decides it')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
    expect(screen.getByText('No staff account in your scope yet.')).toBeInTheDocument();
  });

  it('creates an account and shows a refused field under the field', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST'
        ? apiError(400, 'VALIDATION_FAILED', 'password: Too easy to guess', [
            { path: 'password', message: 'Too easy to guess' },
          ])
        : { body: { items: [] } },
    );
    signInAs('system-admin', { regionScope: '33' });
    const { user } = renderApp('/staff', { language: 'en' });
    await user.type(await screen.findByLabelText('Username'), 'Zhou.Min');
    await user.type(screen.getByLabelText('Name'), '周敏');
    await user.type(screen.getByLabelText('Initial password'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Too easy to guess')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'zhou.min',
      displayName: '周敏',
      role: 'hotline-agent',
      regionScope: '33',
      password: 'password1234',
    });
  });

  it('shows an error state with a retry when the list fails', async () => {
    stubFetch(() => apiError(403, 'FORBIDDEN', 'Your role (auditor) cannot use this route'));
    signInAs('system-admin');
    renderApp('/staff', { language: 'en' });
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: 'Retry' }).length).toBeGreaterThan(0);
  });
});
