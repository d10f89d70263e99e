import type { CheckpointResponse } from '@healthcode/contracts';
import { screen, waitFor, within } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const metro: CheckpointResponse = {
  id: 'cp-1',
  name: 'Longxiang Bridge',
  kind: 'metro',
  region: '330106',
  place: 'Exit A',
  admits: ['green'],
  peerAdmits: null,
  disabled: false,
  createdAt: '2026-11-20T02:00:00Z',
};

describe('checkpoints', () => {
  it('registers a checkpoint', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: metro } : { body: { items: [] } },
    );
    signInAs('region-admin', { regionScope: '330106' });
    const { user } = renderApp('/checkpoints', { language: 'en' });

    expect(await screen.findByText('No checkpoint registered yet.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(calls[0].url).toBe('/api/v1/checkpoints?includeDisabled=true');
    await user.type(screen.getByLabelText('Name'), 'Longxiang Bridge');
    await user.type(screen.getByLabelText('Place'), 'Exit A');
    // The first group is this checkpoint's own policy; the one named for other regions is left at green.
    await user.click(screen.getAllByRole('checkbox', { name: 'Yellow' })[0]);
    expect(
      within(screen.getByRole('group', { name: 'Colours admitted from other regions' })).getByRole('checkbox', {
        name: 'Green',
      }),
    ).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Register' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
        name: 'Longxiang Bridge',
        kind: 'metro',
        region: '330106',
        place: 'Exit A',
        admits: ['green', 'yellow'],
        peerAdmits: ['green'],
      }),
    );
  });

  it("changes a registered checkpoint's admission: closing it to other regions' codes", async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'PUT' ? { body: { ...metro, peerAdmits: [] } } : { body: { items: [metro] } },
    );
    signInAs('region-admin');
    const { user } = renderApp('/checkpoints', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Admission of Longxiang Bridge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Colours admitted at Longxiang Bridge' });
    // Unset peer policy shows what applies: the checkpoint's own colours.
    const peers = within(dialog).getByRole('group', { name: 'Colours admitted from other regions' });
    expect(within(peers).getByRole('checkbox', { name: 'Green' })).toBeChecked();
    await user.click(within(peers).getByRole('checkbox', { name: 'Green' }));
    // Nothing admitted of its own codes is refused before anything is sent.
    const own = within(dialog).getByRole('group', { name: 'Colours admitted' });
    await user.click(within(own).getByRole('checkbox', { name: 'Green' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Admit at least one colour')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.click(within(own).getByRole('checkbox', { name: 'Green' }));
    await user.click(within(own).getByRole('checkbox', { name: 'Yellow' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
        url: '/api/v1/checkpoints/cp-1/admission',
        body: { admits: ['green', 'yellow'], peerAdmits: [] },
      }),
    );
  });

  it('disables a checkpoint after confirming', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST' ? { body: { ...metro, disabled: true } } : { body: { items: [metro] } },
    );
    signInAs('region-admin');
    const { user } = renderApp('/checkpoints', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Disable Longxiang Bridge' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/v1/checkpoints/cp-1/disable' && c.method === 'POST')).toBe(true),
    );
  });

  it('issues a device credential and shows its secret once', async () => {
    const issued = {
      id: 'dc-1',
      checkpointId: 'cp-1',
      label: 'Gate 1',
      createdAt: '2026-11-20T02:00:00Z',
      revokedAt: null,
      secret: 's3cr3t',
      authorization: 'Device dc-1.s3cr3t',
    };
    stubFetch(({ url, method }) => {
      if (url === '/api/v1/checkpoints/cp-1/devices' && method === 'POST') return { status: 201, body: issued };
      if (url === '/api/v1/checkpoints/cp-1/devices') return { body: { items: [] } };
      return { body: { items: [metro] } };
    });
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/checkpoints', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Devices' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('No device credential yet.')).toBeInTheDocument();
    await user.type(within(drawer).getByLabelText('Device name'), 'Gate 1');
    await user.click(within(drawer).getByRole('button', { name: 'Issue credential' }));
    expect(await within(drawer).findByText('Device dc-1.s3cr3t')).toBeInTheDocument();
    expect(
      within(drawer).getByText('Set this credential up on the device now: it is shown only once.'),
    ).toBeInTheDocument();
  });

  it('shows an error state with retry', async () => {
    stubFetch(() => apiError(503, 'UNAVAILABLE', 'Database unavailable'));
    signInAs('region-admin');
    renderApp('/checkpoints');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
  });

  it('shows the last 24 hours of a checkpoint: totals and scans per hour', async () => {
    const hourly = Array.from({ length: 24 }, (_, i) => ({
      hour: new Date(Date.UTC(2026, 11, 1, i)).toISOString(),
      admitted: i === 9 ? 5 : 0,
      refused: i === 9 ? 2 : 0,
    }));
    const { calls } = stubFetch(({ url }) =>
      url.endsWith('/stats')
        ? {
            body: {
              checkpointId: 'cp-1',
              from: hourly[0].hour,
              to: '2026-12-02T00:00:00.000Z',
              total: 7,
              admitted: 5,
              notAdmitted: 1,
              rejected: 1,
              byReason: { admitted: 5, 'color-not-admitted': 1, malformed: 1 },
              hourly,
            },
          }
        : { body: { items: [metro] } },
    );
    signInAs('region-admin');
    const { user } = renderApp('/checkpoints', { language: 'en' });
    await user.click(
      await screen.findByRole('button', { name: 'Statistics of Longxiang Bridge' }, { timeout: 30_000 }),
    );
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Scans per hour')).toBeInTheDocument();
    expect(
      within(drawer).getByText('Refused', { selector: '.ant-statistic-title' }).closest('.ant-statistic'),
    ).toHaveTextContent('2');
    expect(
      within(drawer).getByText('Admitted', { selector: '.ant-statistic-title' }).closest('.ant-statistic'),
    ).toHaveTextContent('5');
    expect(calls.some((c) => c.url === '/api/v1/checkpoints/cp-1/stats')).toBe(true);
    // The chart's numbers as a table: only the hour that had scans.
    const table = within(drawer).getByRole('table', { name: 'Scans per hour as numbers (hours with scans)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(/5\s*2$/);
  });
});
