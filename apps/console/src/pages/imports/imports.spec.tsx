import type { AuthorityImportResponse } from '@healthcode/contracts';
import { screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch, stubPendingFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const result: AuthorityImportResponse = {
  id: 'imp-1',
  seq: 12,
  kind: 'contacts',
  status: 'applied',
  rowsTotal: 10,
  rowsValid: 8,
  rowsFailed: 2,
  errorsOmitted: 0,
  rowsImported: 7,
  rowsUpdated: 0,
  rowsDuplicate: 1,
  matched: 3,
  runId: 'run-9',
  createdAt: '2026-11-20T02:00:00Z',
  mine: false,
  decidedAt: '2026-11-20T02:05:00Z',
  errors: [{ line: 4, field: 'contact_date', message: 'An ISO date' }],
};

/** The same upload as its uploader sees it: staged, row checks only, no match count. */
const staged: AuthorityImportResponse = {
  ...result,
  status: 'staged',
  rowsImported: null,
  rowsUpdated: null,
  rowsDuplicate: null,
  matched: null,
  runId: null,
  decidedAt: null,
};

const running = {
  id: 'run-9',
  kind: 'import',
  state: 'running',
  done: 1,
  total: 3,
  rate: 2,
  etaSeconds: 1,
  changed: 1,
  colorChanged: 1,
};

/** The first wait covers lazy loading the page under a loaded 2-core CI: default findBy timeouts run out. */
const FIRST = { timeout: 15_000 };

jest.setTimeout(60_000);

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => 'blob:report');
  URL.revokeObjectURL = jest.fn();
});

describe('imports', () => {
  it('uploads a CSV of the chosen feed: the uploader sees the row checks only and cannot approve it', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/imports' && method === 'GET') return { body: { items: [] } };
      if (url === '/api/v1/admin/withdrawals') return { body: { items: [] } };
      if (url === '/api/v1/admin/imports?kind=contacts') return { status: 202, body: { ...staged, mine: true } };
      if (url === '/api/v1/admin/imports/imp-1/errors.csv')
        return { body: 'line,field,message\n4,contact_date,An ISO date\n' };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin');
    const { user } = renderApp('/imports', { language: 'en' });

    expect(await screen.findByText('No imports yet.', {}, FIRST)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Close contacts' }));
    expect(screen.getByText('Columns: id_number, contact_date, region')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    await user.upload(
      screen.getByLabelText('CSV file'),
      new File(['id_number,contact_date,region\n'], 'contacts.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByRole('heading', { name: /Import #12 \(Close contacts\)/ })).toBeInTheDocument();
    const upload = calls.find((c) => c.url === '/api/v1/admin/imports?kind=contacts');
    expect(upload?.method).toBe('POST');
    expect((upload?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getByRole('progressbar', { name: 'Upload and row checks' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText(/a second staff member in your scope must apply it/)).toBeInTheDocument();
    expect(screen.queryByText('Residents matched')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve and apply' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel this upload' })).toBeInTheDocument();
    expect(screen.getByText('An ISO date')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download the full error report (CSV)' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/admin/imports/imp-1/errors.csv')).toBe(true));
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it('a second administrator opens the staged import, applies it and follows the re-scoring', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/imports' && method === 'GET') return { body: { items: [staged] } };
      if (url === '/api/v1/admin/withdrawals') return { body: { items: [] } };
      if (url === '/api/v1/admin/imports/imp-1/approve') return { body: result };
      if (url === '/api/v1/rescore/runs/run-9') return { body: running };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin');
    const { user } = renderApp('/imports', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open #12' }, FIRST));
    await user.click(await screen.findByRole('button', { name: 'Approve and apply' }));
    expect(calls.find((c) => c.url === '/api/v1/admin/imports/imp-1/approve')?.method).toBe('POST');
    // The list's column and the applied import's count.
    expect(await screen.findAllByText('Residents matched')).toHaveLength(2);
    expect(await screen.findByRole('progressbar', { name: 'Re-scoring progress' })).toHaveAttribute(
      'aria-valuenow',
      '33',
    );
    expect(screen.getByRole('button', { name: 'Ask to withdraw this import' })).toBeInTheDocument();
  });

  it('asks for the withdrawal of an applied import with a reason, and a second person approves it', async () => {
    const pending = {
      id: 'w-1',
      seq: 3,
      target: 'import',
      targetId: 'imp-1',
      reason: 'sent to the wrong county',
      status: 'pending',
      region: '3301',
      mine: false,
      facts: null,
      runId: null,
      createdAt: '2026-11-20T03:00:00Z',
      decidedAt: null,
    };
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/imports' && method === 'GET') return { body: { items: [result] } };
      if (url === '/api/v1/admin/withdrawals' && method === 'GET') return { body: { items: [pending] } };
      if (url === '/api/v1/admin/withdrawals' && method === 'POST')
        return { status: 201, body: { ...pending, mine: true } };
      if (url === '/api/v1/admin/withdrawals/w-1/approve')
        return { body: { ...pending, status: 'approved', facts: 7, runId: 'run-10' } };
      if (url.startsWith('/api/v1/rescore/runs/')) return { body: running };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin');
    const { user } = renderApp('/imports', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open #12' }, FIRST));
    await user.type(await screen.findByLabelText('Reason for withdrawal'), 'sent to the wrong county');
    await user.click(screen.getByRole('button', { name: 'Ask to withdraw this import' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/withdrawals' && c.method === 'POST')?.body).toEqual({
        target: 'import',
        id: 'imp-1',
        reason: 'sent to the wrong county',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Approve withdrawal #3' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/admin/withdrawals/w-1/approve')).toBe(true));
  });

  it('lists earlier imports, with loading and error states', async () => {
    stubPendingFetch();
    signInAs('system-admin', { regionScope: '' });
    const first = renderApp('/imports');
    expect((await screen.findAllByRole('status', {}, FIRST))[0]).toHaveTextContent('正在加载');
    first.unmount();

    stubFetch(() => apiError(500, 'INTERNAL', 'Database unavailable'));
    const second = renderApp('/imports');
    expect((await screen.findAllByRole('alert', {}, FIRST))[0]).toHaveTextContent('Database unavailable');
    second.unmount();

    stubFetch(({ url }) =>
      url.startsWith('/api/v1/rescore')
        ? {
            body: {
              id: 'run-9',
              state: 'finished',
              done: 3,
              total: 3,
              rate: 2,
              etaSeconds: null,
              changed: 1,
              colorChanged: 1,
            },
          }
        : { body: { items: url.startsWith('/api/v1/admin/withdrawals') ? [] : [result] } },
    );
    const { user } = renderApp('/imports');
    await user.click(await screen.findByRole('button', { name: '查看 #12' }, FIRST));
    expect(await screen.findByRole('heading', { name: /导入 #12（密切接触者）/ })).toBeInTheDocument();
  });
});
