import type { StaffRole } from '@healthcode/contracts';
import { screen, waitFor, within } from '@testing-library/react';

import { sessionStore } from '../services/session';
import { apiError, stubFetch } from '../test/fetch-stub';
import { renderApp } from '../test/render-app';
import { signInAs } from '../test/staff-session.fixture';

const stats = {
  status: 200,
  body: { region: '3301', counts: { green: 0, yellow: 0, red: 0 }, children: [], trend: [] },
};

async function menuEntries(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: '主导航' });
  return within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
}

describe('basic layout', () => {
  it.each<[StaffRole, string[]]>([
    ['hotline-agent', ['概览', '申诉处理', '居民查询', '密接追踪', '身份核验']],
    ['supervisor', ['概览', '申诉处理', '居民查询', '密接追踪', '身份核验', '撤回记录']],
    ['region-admin', ['概览', '地区规则', '数据导入', '撤回记录', '申诉时限与类别', '卡口管理']],
    ['auditor', ['概览', '审计日志']],
    ['checkpoint-operator', ['概览']],
    [
      'system-admin',
      [
        '概览',
        '地区规则',
        '数据导入',
        '撤回记录',
        '申诉时限与类别',
        '卡口管理',
        '外地签发方',
        '审计日志',
        '任务队列',
        '工作人员',
      ],
    ],
  ])('shows %s only its own menu entries', async (role, expected) => {
    stubFetch(() => stats);
    signInAs(role);
    renderApp('/dashboard');

    expect(await menuEntries()).toEqual(expected);
  });

  it('shows who is signed in, as what role, over which region', async () => {
    stubFetch(() => stats);
    signInAs('region-admin', { displayName: '李明', regionScope: '33' });
    renderApp('/dashboard');

    const header = await screen.findByRole('banner');
    expect(within(header).getByText('李明')).toBeInTheDocument();
    expect(within(header).getByText('地区管理员')).toBeInTheDocument();
    expect(within(header).getByText(/浙江省 \(33\)/)).toBeInTheDocument();
  });

  it('shows the whole country for an empty scope, in English', async () => {
    stubFetch(() => stats);
    signInAs('system-admin', { regionScope: '' });
    renderApp('/dashboard', { language: 'en' });

    const header = await screen.findByRole('banner');
    expect(within(header).getByText('System administrator')).toBeInTheDocument();
    expect(within(header).getByText(/Whole country/)).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: 'Collapse menu' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('navigates from the menu', async () => {
    stubFetch(() => stats);
    signInAs('auditor');
    const { user, router } = renderApp('/dashboard');

    // Icons are decorative: the accessible name is the label alone.
    await user.click(await screen.findByRole('menuitem', { name: '审计日志' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/audit'));
    expect(await screen.findByRole('heading', { name: '审计日志', level: 1 })).toBeInTheDocument();
  });

  it('refuses a page the role may not open, even by URL', async () => {
    stubFetch(() => stats);
    signInAs('hotline-agent');
    renderApp('/rules');

    expect(await screen.findByText('无权访问')).toBeInTheDocument();
  });

  it('sends a visitor without a session to the login page', async () => {
    stubFetch(() => stats);
    const { router } = renderApp('/dashboard');

    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('logs out', async () => {
    stubFetch(() => stats);
    signInAs('supervisor');
    const { user, router, queryClient } = renderApp('/dashboard');
    await screen.findByText('该地区暂无居民。');
    expect(queryClient.getQueryCache().getAll()).not.toHaveLength(0);

    await user.click(await screen.findByRole('button', { name: '退出登录' }));

    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(sessionStore.get()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0); // nothing of theirs stays in memory
  });

  it('ends the session when the API answers 401 to an authenticated call', async () => {
    stubFetch(() => apiError(401, 'UNAUTHENTICATED', 'Token expired'));
    signInAs('supervisor');
    renderApp('/dashboard');

    expect(await screen.findByLabelText('用户名')).toBeInTheDocument();
    expect(await screen.findByText('登录已过期，请重新登录。')).toBeInTheDocument();
    expect(sessionStore.get()).toBeNull();
  });

  it('shows a 404 page for unknown addresses', async () => {
    stubFetch(() => stats);
    signInAs('auditor');
    renderApp('/nowhere');

    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
  });
});
