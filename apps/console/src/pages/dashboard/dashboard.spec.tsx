import { screen, waitFor, within } from '@testing-library/react';

import { apiError, type StubbedCall, type StubReply, stubFetch, stubPendingFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';
import type { ColorStats } from './types';

const stats: ColorStats = {
  region: '3301',
  suppressBelow: 10,
  counts: { green: 1200, yellow: 34, red: 5 },
  children: [
    { region: '330102', counts: { green: 700, yellow: 20, red: 3 } },
    { region: '330106', counts: { green: 500, yellow: 14, red: 2 } },
  ],
  trend: [
    { date: '2020-02-10', green: 1100, yellow: 40, red: 6 },
    { date: '2020-02-11', green: 1200, yellow: 34, red: 5 },
  ],
};

const appealStats = {
  decided: 4,
  medianHoursToDecision: 5.25,
  decidedWithinDeadline: 0.75,
  overturnRateByRule: [{ ruleId: 'case-status', decided: 4, overturned: 1, rate: 0.25 }],
};

/** Colour stats for the colour endpoint, appeal stats and an empty queue for the rest. */
function route(colors: () => StubReply): (call: StubbedCall) => StubReply {
  return ({ url }) => {
    if (url.startsWith('/api/v1/stats/colors')) return colors();
    if (url === '/api/v1/stats/appeals') return { body: appealStats };
    return { body: { items: [] } };
  };
}

function statistic(title: string): string {
  // The chart legends repeat the colour names: look in the statistic cards only.
  const label = screen.getByText(title, { selector: '.ant-statistic-title' });
  const card = label.closest('.ant-statistic') as HTMLElement;
  return card.querySelector('.ant-statistic-content-value')?.textContent ?? '';
}

// jsdom lays nothing out; echarts wants a box to draw in.
const layoutSize = { clientWidth: 800, clientHeight: 320 };
beforeAll(() => {
  for (const [property, value] of Object.entries(layoutSize)) {
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const property of Object.keys(layoutSize)) Reflect.deleteProperty(HTMLElement.prototype, property);
});

describe('dashboard', () => {
  it("asks for the staff member's region with the bearer token", async () => {
    const { calls } = stubFetch(route(() => ({ body: stats })));
    signInAs('hotline-agent', { regionScope: '3301' });
    renderApp('/dashboard');

    await screen.findByText('居民总数');
    const colors = calls.find((c) => c.url.startsWith('/api/v1/stats/colors'));
    expect(colors?.url).toBe('/api/v1/stats/colors?region=3301');
    expect(colors?.headers.Authorization).toBe('Bearer test-token');
  });

  it('asks for the whole country without a region parameter', async () => {
    const { calls } = stubFetch(route(() => ({ body: { ...stats, region: '' } })));
    signInAs('system-admin', { regionScope: '' });
    renderApp('/dashboard');

    await screen.findByText('居民总数');
    expect(calls.find((c) => c.url.startsWith('/api/v1/stats/colors'))?.url).toBe('/api/v1/stats/colors');
  });

  it('shows a loading state while the numbers are on their way', async () => {
    stubPendingFetch();
    signInAs('auditor');
    renderApp('/dashboard');

    expect((await screen.findAllByRole('status'))[0]).toHaveTextContent('正在加载');
  });

  it('shows totals per colour and both charts', async () => {
    stubFetch(route(() => ({ body: stats })));
    signInAs('supervisor');
    const { container } = renderApp('/dashboard');

    await screen.findByText('居民总数');
    expect(statistic('居民总数')).toBe('1,239');
    expect(statistic('绿码')).toBe('1,200');
    expect(statistic('黄码')).toBe('34');
    expect(statistic('红码')).toBe('5');
    expect(screen.getByRole('heading', { name: '各下级地区赋码情况' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '近期赋码趋势' })).toBeInTheDocument();
    await waitFor(() => expect(container.querySelectorAll('.echarts-for-react svg')).toHaveLength(2));
    const charts = screen.getAllByRole('img', { name: /绿码/ });
    expect(charts[0]).toHaveAccessibleName(
      '各下级地区赋码情况: 上城区 绿码 700, 黄码 20, 红码 3; 西湖区 绿码 500, 黄码 14, 红码 2',
    );
    expect(charts[1]).toHaveAccessibleName(expect.stringMatching(/^近期赋码趋势: 2020-02-10 绿码 1100/));
  });

  it('shows suppressed yellow and red counts as hidden, explains why, and gives the total as a lower bound', async () => {
    stubFetch(
      route(() => ({
        body: {
          ...stats,
          counts: { green: 1200, yellow: 34, red: null },
          children: [{ region: '330102', counts: { green: 700, yellow: null, red: null } }],
          trend: [{ date: '2020-02-11', green: 1200, yellow: 34, red: null }],
        },
      })),
    );
    signInAs('supervisor');
    renderApp('/dashboard');

    await screen.findByText('居民总数');
    expect(statistic('红码')).toBe('不公布');
    expect(statistic('黄码')).toBe('34');
    expect(statistic('居民总数')).toBe('1,234');
    const totalCard = screen.getByText('居民总数', { selector: '.ant-statistic-title' }).closest('.ant-statistic');
    expect(totalCard).toHaveTextContent('≥1,234');
    expect(screen.getByText(/1 至 9 人的黄码、红码人数不予公布/)).toBeInTheDocument();
    const charts = await screen.findAllByRole('img', { name: /绿码/ });
    expect(charts[0]).toHaveAccessibleName('各下级地区赋码情况: 上城区 绿码 700, 黄码 不公布, 红码 不公布');
  });

  it('says so when the region has no residents yet', async () => {
    stubFetch(route(() => ({ body: { ...stats, counts: { green: 0, yellow: 0, red: 0 }, children: [], trend: [] } })));
    signInAs('region-admin');
    renderApp('/dashboard');

    expect(await screen.findByText('该地区暂无居民。')).toBeInTheDocument();
    expect(screen.queryByText('居民总数')).not.toBeInTheDocument();
  });

  it('shows the error cleanly while the endpoint does not exist, and recovers on retry', async () => {
    let attempts = 0;
    stubFetch(
      route(() => (++attempts === 1 ? apiError(404, 'NOT_FOUND', 'Cannot GET /api/v1/stats/colors') : { body: stats })),
    );
    signInAs('auditor');
    const { user } = renderApp('/dashboard');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('加载失败');
    expect(alert).toHaveTextContent('Cannot GET /api/v1/stats/colors');

    await user.click(within(alert).getByRole('button', { name: '重试' }));

    expect(await screen.findByText('居民总数')).toBeInTheDocument();
    expect(attempts).toBe(2);
  });

  it('explains an unreachable server', async () => {
    stubFetch(() => new TypeError('Failed to fetch'));
    signInAs('auditor');
    renderApp('/dashboard', { language: 'en' });

    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('Cannot reach the server');
  });

  it('shows the appeals backlog to hotline roles and the overturn rate per rule to everyone', async () => {
    // The server counts every open appeal: far more than one page of them.
    stubFetch(({ url }) =>
      url === '/api/v1/appeals/backlog'
        ? { body: { open: 1234, dueSoon: 5, breached: 7 } }
        : route(() => ({ body: stats }))({ url } as StubbedCall),
    );
    signInAs('hotline-agent');
    renderApp('/dashboard', { language: 'en' });

    expect(await screen.findByRole('heading', { name: 'Appeals backlog' })).toBeInTheDocument();
    expect(await screen.findByText('Past deadline')).toBeInTheDocument();
    expect(await screen.findByText('1,234')).toBeInTheDocument();
    expect(await screen.findByText('case-status')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(await screen.findByText('No re-scoring runs yet.')).toBeInTheDocument();
  });

  it('hides the backlog from roles that do not work appeals', async () => {
    stubFetch(route(() => ({ body: stats })));
    signInAs('auditor');
    renderApp('/dashboard', { language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Appeals' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Appeals backlog' })).not.toBeInTheDocument();
  });
});
