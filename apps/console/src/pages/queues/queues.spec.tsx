import { fireEvent, screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const SESSION = { ticket: 'tkt', expiresIn: 300, url: '/api/admin/queues?ticket=tkt' };

describe('queues', () => {
  afterEach(() => jest.restoreAllMocks());

  it('opens bull-board in a new tab with a ticket from the API, for system admins only', async () => {
    const tab = { opener: {} as unknown, location: { href: '' }, close: jest.fn() };
    const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    let answer: (() => void) | undefined;
    const { calls } = stubFetch((call) =>
      call.url === '/api/v1/admin/queues/session'
        ? new Promise((resolve) => (answer = () => resolve({ status: 201, body: SESSION })))
        : { body: {} },
    );
    signInAs('system-admin', { regionScope: '' });
    const first = renderApp('/queues', { language: 'en' });
    const button = await screen.findByRole('button', { name: 'Open the queue dashboard' });
    fireEvent.click(button);
    // The tab is opened during the click (a later one would be blocked), then pointed at the board.
    expect(open).toHaveBeenCalledWith('', '_blank');
    await waitFor(() => expect(button).toHaveClass('ant-btn-loading'));
    answer!();
    await waitFor(() => expect(tab.location.href).toBe('/api/admin/queues?ticket=tkt'));
    expect(tab.opener).toBeNull();
    expect(calls.filter((c) => c.url === '/api/v1/admin/queues/session').map((c) => c.method)).toEqual(['POST']);
    await waitFor(() => expect(button).not.toHaveClass('ant-btn-loading'));
    first.unmount();

    signInAs('auditor');
    renderApp('/queues', { language: 'en' });
    expect(await screen.findByText('Your role may not open this page.')).toBeInTheDocument();
  });

  it('closes the tab and says why when the ticket is refused', async () => {
    const tab = { opener: null, location: { href: '' }, close: jest.fn() };
    jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    stubFetch((call) =>
      call.url === '/api/v1/admin/queues/session'
        ? apiError(403, 'FORBIDDEN', 'Your role (auditor) cannot use this route')
        : { body: {} },
    );
    signInAs('system-admin', { regionScope: '' });
    renderApp('/queues', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the queue dashboard' }));
    expect(await screen.findByText('Could not open the queue dashboard')).toBeInTheDocument();
    expect(screen.getByText('Your role (auditor) cannot use this route')).toBeInTheDocument();
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('');
  });

  it('offers a link when the browser blocks the new tab (中文)', async () => {
    jest.spyOn(window, 'open').mockReturnValue(null);
    stubFetch((call) => (call.url === '/api/v1/admin/queues/session' ? { status: 201, body: SESSION } : { body: {} }));
    signInAs('system-admin', { regionScope: '' });
    renderApp('/queues', { language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '打开队列面板' }));
    expect(await screen.findByText('浏览器拦截了新标签页，请在 5 分钟内使用此链接：')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '打开队列面板' })).toHaveAttribute('href', '/api/admin/queues?ticket=tkt');
  });
});
