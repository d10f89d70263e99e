import type { AuthorityImportResponse } from '@healthcode/contracts';
import { screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch, stubPendingFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const result: AuthorityImportResponse = {
  id: 'imp-1',
  seq: 12,
  kind: 'contacts',
  rowsTotal: 10,
  rowsImported: 7,
  rowsUpdated: 0,
  rowsDuplicate: 1,
  rowsFailed: 2,
  matched: 3,
  runId: 'run-9',
  createdAt: '2026-11-20T02:00:00Z',
  errors: [{ line: 4, field: 'contact_date', message: 'An ISO date' }],
};

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => 'blob:report');
  URL.revokeObjectURL = jest.fn();
});

describe('imports', () => {
  it('uploads a CSV of the chosen feed, shows the counts, the re-scoring and the refused rows', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/imports' && method === 'GET') return { body: { items: [] } };
      if (url === '/api/v1/admin/imports?kind=contacts') return { status: 202, body: result };
      if (url === '/api/v1/rescore/runs/run-9')
        return {
          body: {
            id: 'run-9',
            kind: 'import',
            state: 'running',
            done: 1,
            total: 3,
            rate: 2,
            etaSeconds: 1,
            changed: 1,
            colorChanged: 1,
          },
        };
      if (url === '/api/v1/admin/imports/imp-1/errors.csv')
        return { body: 'line,field,message\n4,contact_date,An ISO date\n' };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin');
    const { user } = renderApp('/imports', { language: 'en' });

    expect(await screen.findByText('No imports yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Close contacts' }));
    expect(screen.getByText('Columns: id_number, contact_date, region')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    await user.upload(
      screen.getByLabelText('CSV file'),
      new File(['id_number,contact_date,region\n'], 'contacts.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByRole('heading', { name: 'Import #12 (Close contacts)' })).toBeInTheDocument();
    const upload = calls.find((c) => c.url === '/api/v1/admin/imports?kind=contacts');
    expect(upload?.method).toBe('POST');
    expect((upload?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getByRole('progressbar', { name: 'Upload and row checks' })).toHaveAttribute('aria-valuenow', '100');
    expect(await screen.findByRole('progressbar', { name: 'Re-scoring progress' })).toHaveAttribute(
      'aria-valuenow',
      '33',
    );
    expect(screen.getByText('An ISO date')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download the full error report (CSV)' }));
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/admin/imports/imp-1/errors.csv')).toBe(true));
    expect(URL.createObjectURL).toHaveBeenCalled();
  });

  it('lists earlier imports, with loading and error states', async () => {
    stubPendingFetch();
    signInAs('system-admin', { regionScope: '' });
    const first = renderApp('/imports');
    expect(await screen.findByRole('status')).toHaveTextContent('正在加载');
    first.unmount();

    stubFetch(() => apiError(500, 'INTERNAL', 'Database unavailable'));
    const second = renderApp('/imports');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
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
        : { body: { items: [result] } },
    );
    const { user } = renderApp('/imports');
    await user.click(await screen.findByRole('button', { name: '查看 #12' }));
    expect(await screen.findByRole('heading', { name: '导入 #12（密切接触者）' })).toBeInTheDocument();
  });
});
