import type { TracingRequestResponse } from '@healthcode/contracts';
import { screen, waitFor } from '@testing-library/react';

import { stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const pending: TracingRequestResponse = {
  id: 'tr-1',
  residentId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  caseReference: 'HZ-42',
  justification: 'Confirmed case',
  status: 'pending',
  requestedBy: 'agent-9',
  requestedAt: '2026-12-01T02:00:00Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
};

describe('contact tracing', () => {
  it('a supervisor refuses another’s request with a note, and filters by status', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST' ? { body: { ...pending, status: 'rejected' } } : { body: { items: [pending] } },
    );
    signInAs('supervisor');
    const { user } = renderApp('/tracing', { language: 'en' });
    await user.click(
      await screen.findByRole('button', { name: 'Refuse the tracing request for case HZ-42' }, { timeout: 30_000 }),
    );
    await user.type(await screen.findByLabelText('Note (optional)'), 'No confirmed case number');
    await user.click(screen.getByRole('button', { name: 'Refuse' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/v1/tracing-requests/tr-1/decision',
        body: { approve: false, note: 'No confirmed case number' },
      }),
    );
    await user.click(screen.getByText('Approved', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/tracing-requests?status=approved')).toBe(true));
  });

  it('an agent sees the status of their own request and cannot decide it', async () => {
    stubFetch(() => ({ body: { items: [{ ...pending, requestedBy: 'staff-1' }] } }));
    signInAs('hotline-agent');
    renderApp('/tracing', { language: 'en' });
    expect(await screen.findByText('Pending', { selector: '.ant-tag' }, { timeout: 30_000 })).toBeInTheDocument();
    expect(screen.getByText('You')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull();
  });
});
