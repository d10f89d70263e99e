import type { RescoreRunResponse, RuleSetAdminView } from '@healthcode/contracts';
import { DEFAULT_RULE_SET } from '@healthcode/rules';
import { screen, waitFor, within } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

jest.setTimeout(60_000);

/** The first wait covers lazy loading the page under a loaded 2-core CI: default findBy timeouts run out. */
const FIRST = { timeout: 15_000 };

const history = {
  items: [
    {
      id: 'level-1',
      region: '33',
      level: 'low',
      effectiveFrom: '2026-10-01T00:00:00Z',
      effectiveTo: null,
      decidedAt: '2026-09-30T08:00:00Z',
      retractedAt: null,
      retractReason: null,
    },
  ],
};

function run(overrides: Partial<RescoreRunResponse> = {}): RescoreRunResponse {
  return {
    id: 'run-1',
    kind: 'preview',
    causeRef: null,
    state: 'finished',
    availableAt: '',
    createdAt: '',
    dispatchedAt: '',
    finishedAt: '',
    done: 30,
    total: 30,
    rate: 120,
    etaSeconds: 0,
    changed: 4,
    colorChanged: 4,
    ranges: 1,
    rangesDone: 1,
    ...overrides,
  };
}

const published: RuleSetAdminView = {
  id: '0190a000-0000-7000-8000-000000000001',
  status: 'published',
  version: 1,
  definition: DEFAULT_RULE_SET,
  changelog: { 'zh-CN': '首个版本', en: 'First version' },
  authorStaffId: null,
  effectiveAt: null,
  publishedAt: '2026-11-01T00:00:00Z',
  createdAt: '2026-11-01T00:00:00Z',
};
const draft: RuleSetAdminView = {
  ...published,
  id: '0190a000-0000-7000-8000-000000000002',
  status: 'draft',
  version: null,
  publishedAt: null,
  createdAt: '2026-11-02T00:00:00Z',
  changelog: { 'zh-CN': '杭州缩短回溯', en: 'Hangzhou looks back less' },
  definition: { ...DEFAULT_RULE_SET, regionOverrides: { '3301': { 'high-risk-region': { withinDays: 7 } } } },
};

describe('regional rules', () => {
  it("shows the district's level, previews a raise with a chart and top regions, then publishes after confirming", async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/risk-levels' && method === 'GET') return { body: history };
      if (url === '/api/v1/admin/previews') return { status: 202, body: { runId: 'run-1' } };
      if (url === '/api/v1/rescore/runs/run-1') {
        return {
          body: run({
            preview: {
              changed: 4,
              transitions: [{ from: 'green', to: 'red', count: 4 }],
              regions: [{ region: '330106', count: 4 }],
              samples: [],
            },
          }),
        };
      }
      if (url === '/api/v1/admin/risk-levels') return { body: { levels: [], runId: 'run-2' } };
      if (url === '/api/v1/rescore/runs/run-2') return { body: run({ id: 'run-2', kind: 'risk' }) };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin', { regionScope: '330106' });
    const { user } = renderApp('/rules');

    expect(await screen.findByRole('heading', { name: '西湖区 (330106)' }, FIRST)).toBeInTheDocument();
    expect(await screen.findByText('当前适用：低风险（设于 浙江省 (33)）', {}, FIRST)).toBeInTheDocument();
    // The form starts from the level in force today, not from "high".
    const levelBox = screen.getByRole('combobox', { name: '风险等级' });
    expect(levelBox.closest('.ant-select')).toHaveTextContent('低风险');
    await user.click(levelBox);
    await user.click(await screen.findByTitle('高风险'));

    await user.click(screen.getByRole('button', { name: '预览影响' }));
    expect(await screen.findByText('颜色会变化的居民')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/v1/admin/previews')?.body).toEqual({
      riskChanges: [{ region: '330106', level: 'high', effectiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }],
    });
    expect(screen.getByRole('progressbar', { name: '预览计算进度' })).toHaveAttribute('aria-valuenow', '100');
    const top = screen.getByRole('table');
    expect(within(top).getByText('西湖区 (330106)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '发布' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('西湖区 (330106) 将从');
    await user.click(within(confirm).getByRole('button', { name: '发布' }));
    expect(await screen.findByRole('progressbar', { name: '重新赋码进度' })).toHaveAttribute('aria-valuenow', '100');
    expect(await screen.findByText('重新赋码已完成。')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/v1/admin/risk-levels' && c.method === 'POST')?.body).toEqual({
      levels: [expect.objectContaining({ region: '330106', level: 'high' })],
    });
  });

  it('refuses a region outside the scope with a clear message', async () => {
    stubFetch(() => ({ body: history }));
    signInAs('region-admin', { regionScope: '33' });
    const { user } = renderApp('/rules', { language: 'en' });
    // English mode names regions in pinyin (from @healthcode/regions), with their codes.
    await user.click(await screen.findByText('Beijing Municipality', {}, FIRST));
    expect(
      await screen.findByText(
        'Beijing Municipality (11) is outside your region scope Zhejiang Province (33): you cannot change its risk level.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview the effect' })).toBeDisabled();

    await user.type(screen.getByLabelText('Go to a region code'), '420103{Enter}');
    expect(await screen.findByRole('heading', { name: 'Jianghan District (420103)' })).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Go to a region code'));
    await user.type(screen.getByLabelText('Go to a region code'), '999999{Enter}');
    expect(await screen.findByText('No region has this code.')).toBeInTheDocument();
  });

  it('compares two versions side by side', async () => {
    stubFetch(({ url }) =>
      url === '/api/v1/admin/rule-sets' ? { body: { items: [draft, published] } } : { body: history },
    );
    signInAs('region-admin', { regionScope: '33' });
    const { user } = renderApp('/rules');
    await user.click(await screen.findByRole('tab', { name: '规则版本' }, FIRST));
    await user.click(await screen.findByRole('checkbox', { name: '选择 v1 进行对比' }, FIRST));
    await user.click(screen.getByRole('checkbox', { name: `选择 草稿 ${draft.id.slice(0, 8)} 进行对比` }));
    expect(await screen.findByRole('heading', { name: `v1 与 草稿 ${draft.id.slice(0, 8)} 对比` })).toBeInTheDocument();
    expect(screen.getByText('规则定义逐行对比')).toBeInTheDocument();
    expect(screen.getAllByText(/"withinDays": 7/).length).toBeGreaterThan(0);
  });

  it("saves a region's parameters in a draft and shows the API's scope refusal", async () => {
    const { calls } = stubFetch(({ url }) => {
      if (url === '/api/v1/admin/rule-sets') return { body: { items: [draft, published] } };
      if (url.includes('/overrides/42')) {
        return apiError(403, 'OUT_OF_SCOPE', 'You may change only regional overrides inside your own region scope', [
          { path: 'definition.regionOverrides.42', message: 'Outside your region scope' },
        ]);
      }
      if (url.includes('/overrides/')) return { body: draft };
      return { body: history };
    });
    signInAs('region-admin', { regionScope: '3301' });
    const { user } = renderApp('/rules', { language: 'en' });
    await user.click(await screen.findByRole('tab', { name: 'Edit a draft' }, FIRST));
    expect(await screen.findByRole('heading', { name: `Editing Draft ${draft.id.slice(0, 8)}` })).toBeInTheDocument();
    const days = screen.getAllByLabelText('Days looked back');
    await waitFor(() => expect(days[2]).toHaveValue('7'));
    await user.click(screen.getByRole('button', { name: "Save this region's parameters" }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/overrides/3301'))?.body).toEqual({
        rules: { 'high-risk-region': { withinDays: 7 } },
      }),
    );

    const prefix = screen.getByLabelText('Region code');
    await user.clear(prefix);
    await user.type(prefix, '42');
    await user.click(screen.getByRole('button', { name: "Save this region's parameters" }));
    expect(
      await screen.findByText('You may change only regional overrides inside your own region scope'),
    ).toBeInTheDocument();
  });

  it('retracts the decision in force on a district with a reason, and checks a risk CSV before publishing its rows', async () => {
    const mistaken = {
      ...history.items[0],
      id: 'level-2',
      region: '330106',
      level: 'high',
      decidedAt: '2026-11-30T08:00:00Z',
      effectiveFrom: '2026-11-30T16:00:00Z',
    };
    const { calls } = stubFetch(({ url, method }) => {
      if (url === '/api/v1/admin/risk-levels' && method === 'GET')
        return { body: { items: [...history.items, mistaken] } };
      if (url === '/api/v1/admin/risk-levels/level-2/retract')
        return { body: { level: { ...mistaken, retractedAt: '2026-12-01T00:00:00Z' }, runId: 'run-3' } };
      if (url === '/api/v1/admin/risk-levels/import/check')
        return {
          body: {
            levels: [{ region: '330106', level: 'medium', effectiveFrom: '2026-12-02' }],
            errors: [{ line: 3, field: 'level', message: "One of 'low', 'medium', 'high'" }],
            previewRunId: 'run-4',
          },
        };
      if (url === '/api/v1/admin/risk-levels' && method === 'POST') return { body: { levels: [], runId: 'run-5' } };
      if (url.startsWith('/api/v1/rescore/runs/')) return { body: run({ id: url.split('/').pop() }) };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('region-admin', { regionScope: '330106' });
    const { user } = renderApp('/rules', { language: 'en' });
    expect(await screen.findByRole('heading', { name: /\(330106\)/ }, FIRST)).toBeInTheDocument();
    expect(await screen.findByText(/In force: High risk/, undefined, FIRST)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retract this decision…' }));
    await user.type(screen.getByLabelText(/Why was High risk from 2026-11-30 a mistake/), 'set on the wrong district');
    await user.click(screen.getByRole('button', { name: 'Retract and re-score' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/risk-levels/level-2/retract')?.body).toEqual({
        reason: 'set on the wrong district',
      }),
    );

    await user.upload(
      screen.getByLabelText('Risk-level CSV'),
      new File(['region,level,effective_from\n'], 'levels.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Check and preview' }));
    expect(await screen.findByText('1 rows to publish')).toBeInTheDocument();
    expect(screen.getByText("One of 'low', 'medium', 'high'")).toBeInTheDocument();
    // Nothing is set until the checked rows are published.
    expect(calls.some((c) => c.url === '/api/v1/admin/risk-levels' && c.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Publish 1 levels' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/risk-levels' && c.method === 'POST')?.body).toEqual({
        levels: [{ region: '330106', level: 'medium', effectiveFrom: '2026-12-02' }],
      }),
    );
  });
});
