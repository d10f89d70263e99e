import { greenOutlookText } from '@healthcode/code-view';
import { screen, waitFor, within } from '@testing-library/react';

import { apiError, stubFetch, stubPendingFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';
import { appealPage, appealView, staffAppealView } from './appeal.fixture';

const LIST = '/api/v1/appeals?pageSize=20';

const REASON = 'The registry case belongs to another person; the hospital mistyped the ID.';

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => 'blob:evidence');
  URL.revokeObjectURL = jest.fn();
});

jest.setTimeout(30_000);

describe('appeals workbench', () => {
  it('lists the appeals of the region and filters by status on the server', async () => {
    const { calls } = stubFetch(() => ({ body: appealPage([appealView()]) }));
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals');

    // The first render loads the lazy page: allow for a busy machine.
    expect(await screen.findByRole('button', { name: '打开申诉 #7' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(calls[0].url).toBe(LIST);
    expect(screen.getByText('case-status', { selector: 'td' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('状态'));
    await user.click(await screen.findByTitle('待补充材料'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/v1/appeals?status=needs-info&pageSize=20'));
  });

  it("shows each appeal's category label and filters by category, a region's own ones included", async () => {
    const hotel = { 'zh-CN': '隔离酒店记录有误', en: 'The quarantine hotel record is wrong' };
    const { calls } = stubFetch(() => ({
      body: appealPage([appealView(), appealView({ number: 8, category: 'quarantine-hotel', categoryLabel: hotel })]),
    }));
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals');
    await screen.findByRole('button', { name: '打开申诉 #8' });
    expect(screen.getByRole('cell', { name: '隔离酒店记录有误' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '病例登记匹配错了人' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('类别'));
    await user.click(await screen.findByTitle('隔离酒店记录有误'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/v1/appeals?category=quarantine-hotel&pageSize=20'));
    await user.click(screen.getByLabelText('类别'));
    await user.click(await screen.findByTitle('我的症状已消失'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/v1/appeals?category=symptoms-resolved&pageSize=20'));
  });

  it('sends the deadline filter to the server and pages there', async () => {
    const { calls } = stubFetch(({ url }) => ({
      body: url.includes('deadline=breached')
        ? appealPage([appealView({ number: 2, decisionDueAt: new Date(Date.now() - 3600_000).toISOString() })])
        : appealPage([appealView({ number: 1 })], url.includes('page=2') ? 2 : 1, 45),
    }));
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals');
    await screen.findByRole('button', { name: '打开申诉 #1' });

    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/v1/appeals?page=2&pageSize=20'));

    await user.click(screen.getByLabelText('时限'));
    await user.click(await screen.findByTitle('已超期'));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/v1/appeals?deadline=breached&pageSize=20'));
    expect(await screen.findByRole('button', { name: '打开申诉 #2' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '打开申诉 #1' })).not.toBeInTheDocument();
  });

  it('shows loading, empty and error states', async () => {
    stubPendingFetch();
    signInAs('hotline-agent');
    const first = renderApp('/appeals');
    expect(await screen.findByRole('status')).toHaveTextContent('正在加载');
    first.unmount();

    stubFetch(() => ({ body: appealPage([]) }));
    const second = renderApp('/appeals');
    expect(await screen.findByText('没有符合条件的申诉。')).toBeInTheDocument();
    second.unmount();

    stubFetch(() => apiError(500, 'INTERNAL', 'Database unavailable'));
    renderApp('/appeals');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
  });

  it('opens an appeal with the masked identity, the reason as the resident saw it and the evidence', async () => {
    const detail = staffAppealView({
      timeline: [
        {
          at: '2026-11-20T02:00:00Z',
          type: 'submitted',
          actor: 'resident',
          status: 'submitted',
          message: 'I have never been ill.',
          evidence: [{ sha256: 'a'.repeat(64), mediaType: 'image/png', size: 2048 }],
        },
      ],
    });
    const { calls } = stubFetch(({ url }) => {
      if (url === LIST) return { body: appealPage([appealView()]) };
      if (url === '/api/v1/appeals/7') return { body: detail };
      if (url.includes('/evidence/')) return { body: 'png-bytes' };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals');
    await user.click(await screen.findByRole('button', { name: '打开申诉 #7' }));

    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('3301**********1234')).toBeInTheDocument();
    expect(within(drawer).getByText('申诉编号（用于查询）')).toBeInTheDocument();
    expect(within(drawer).getByTestId('appeal-reference')).toHaveTextContent('0190b3c4-0000-7000-8000-000000000001');
    expect(within(drawer).getAllByText('您被登记为确诊病例').length).toBeGreaterThan(0);
    // The green-by line is the resident's own (a date when the rules know one), from the shared code view.
    expect(within(drawer).getByTestId('green-outlook')).toHaveTextContent(
      greenOutlookText(staffAppealView().code!, 'zh-CN', new Date()) ?? '',
    );
    expect(within(drawer).getByText('居家隔离', { exact: false })).toBeInTheDocument();
    expect(within(drawer).getByText('权威数据导入')).toBeInTheDocument();
    expect(within(drawer).getByText('fever')).toBeInTheDocument();
    expect(await within(drawer).findByRole('img', { name: '证明材料（image/png，2 KB）' })).toHaveAttribute(
      'src',
      'blob:evidence',
    );
    expect(
      calls.some(
        (c) =>
          c.url === `/api/v1/appeals/7/evidence/${'a'.repeat(64)}` && c.headers.Authorization === 'Bearer test-token',
      ),
    ).toBe(true);
  });

  it('corrects an appeal with a reason, a colour and an until-date', async () => {
    const { calls } = stubFetch(({ url, method }) => {
      if (url === LIST) return { body: appealPage([appealView()]) };
      if (url === '/api/v1/appeals/7' && method === 'GET') return { body: staffAppealView() };
      if (url === '/api/v1/appeals/7/decision') return { body: appealView({ status: 'decided' }) };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open appeal #7' }));
    const drawer = await screen.findByRole('dialog');

    await user.click(await within(drawer).findByRole('radio', { name: 'Corrected' }));
    await user.click(within(drawer).getByRole('button', { name: 'Submit decision' }));
    expect(await within(drawer).findByText('A decision needs a written reason')).toBeInTheDocument();

    await user.type(within(drawer).getByLabelText('Written reason'), REASON);
    await user.click(within(drawer).getByLabelText('Until (exclusive)'));
    await user.keyboard('2026-12-05{Enter}');
    await user.click(within(drawer).getByRole('button', { name: 'Submit decision' }));

    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/appeals/7/decision')).toBe(true));
    const decision = calls.find((c) => c.url === '/api/v1/appeals/7/decision');
    expect(decision?.body).toEqual({
      outcome: 'corrected',
      reason: REASON,
      override: { color: 'green', until: '2026-12-05' },
    });
  });

  it('shows the API refusal under the reason field', async () => {
    stubFetch(({ url, method }) => {
      if (url === LIST) return { body: appealPage([appealView()]) };
      if (url === '/api/v1/appeals/7' && method === 'GET') return { body: staffAppealView() };
      return apiError(400, 'VALIDATION_FAILED', 'Invalid request', [
        { path: 'reason', message: 'Write at least 20 characters: the resident reads them word for word' },
      ]);
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open appeal #7' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('radio', { name: 'Rejected' }));
    await user.type(within(drawer).getByLabelText('Written reason'), 'x'.repeat(25));
    await user.click(within(drawer).getByRole('button', { name: 'Submit decision' }));
    expect(
      await within(drawer).findByText('Write at least 20 characters: the resident reads them word for word'),
    ).toBeInTheDocument();
  });

  it("gives supervisors an approvals queue; agents don't see it", async () => {
    const pending = appealView({
      status: 'decided',
      decision: {
        outcome: 'corrected',
        reason: REASON,
        override: { color: 'green', until: '2026-12-05' },
        factCorrected: true,
        approval: 'pending',
        decidedAt: '2026-11-21T00:00:00Z',
      },
    });
    const { calls } = stubFetch(({ url }) => {
      if (url.startsWith('/api/v1/appeals?')) return { body: appealPage([pending]) };
      if (url === '/api/v1/appeals/7') return { body: { ...staffAppealView(), ...pending } };
      if (url === '/api/v1/appeals/7/approval')
        return { body: { ...pending, decision: { ...pending.decision, approval: 'approved' } } };
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('supervisor');
    const { user } = renderApp('/appeals');
    await user.click(await screen.findByRole('tab', { name: '待我复核' }));
    await user.click(await screen.findByRole('button', { name: '打开申诉 #7' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('button', { name: '同意并生效' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/appeals/7/approval')?.body).toEqual({ approve: true }),
    );
  });

  it('hides the approvals queue from agents', async () => {
    stubFetch(() => ({ body: appealPage([]) }));
    signInAs('hotline-agent');
    renderApp('/appeals');
    await screen.findByRole('tab', { name: '申诉队列' });
    expect(screen.queryByRole('tab', { name: '待我复核' })).not.toBeInTheDocument();
  });

  it('starts the review, then asks the resident for information', async () => {
    let status: 'assigned' | 'in-review' | 'needs-info' = 'assigned';
    const { calls } = stubFetch(({ url, method }) => {
      if (url === LIST) return { body: appealPage([appealView({ status })]) };
      if (url === '/api/v1/appeals/7' && method === 'GET') return { body: staffAppealView({ status }) };
      if (url === '/api/v1/appeals/7/review') {
        status = 'in-review';
        return { body: appealView({ status }) };
      }
      if (url === '/api/v1/appeals/7/request-info') {
        status = 'needs-info';
        return { body: appealView({ status }) };
      }
      return apiError(404, 'NOT_FOUND', url);
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/appeals', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open appeal #7' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(await within(drawer).findByRole('button', { name: 'Start review' }));
    expect(await within(drawer).findByRole('button', { name: 'Submit decision' })).toBeInTheDocument();

    await user.type(
      within(drawer).getByLabelText('What the resident should add'),
      'Please send the stamped hospital letter.',
    );
    await user.click(within(drawer).getByRole('button', { name: 'Ask for information' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/appeals/7/request-info')?.body).toEqual({
        message: 'Please send the stamped hospital letter.',
      }),
    );
    expect(await within(drawer).findByText('Nothing to do in this state.')).toBeInTheDocument();
  });

  it('shows a PDF in the browser viewer with a download fallback', async () => {
    const pdf = { sha256: 'b'.repeat(64), mediaType: 'application/pdf', size: 4096 };
    stubFetch(({ url }) => {
      if (url === LIST) return { body: appealPage([appealView()]) };
      if (url === '/api/v1/appeals/7')
        return {
          body: staffAppealView({
            timeline: [
              {
                at: '2026-11-20T02:00:00Z',
                type: 'submitted',
                actor: 'resident',
                status: 'submitted',
                message: null,
                evidence: [pdf],
              },
            ],
          }),
        };
      return { body: '%PDF-1.4' };
    });
    signInAs('supervisor');
    const { user } = renderApp('/appeals', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Open appeal #7' }));
    const drawer = await screen.findByRole('dialog');
    const viewer = await waitFor(() => {
      const element = drawer.querySelector('object[type="application/pdf"]');
      if (!element) throw new Error('no viewer yet');
      return element;
    });
    expect(viewer).toHaveAttribute('data', 'blob:evidence');
    expect(viewer).toHaveAttribute('aria-label', 'Evidence (application/pdf, 4 KB)');
  });
});
