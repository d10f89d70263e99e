import { buildCodeView, buildHistoryLines } from '@healthcode/code-view';
import { screen, waitFor } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';
import { toLookupRequest } from './service';
import type { ResidentRecordView } from './types';

const record: ResidentRecordView = {
  residentId: 'r1',
  identity: {
    name: '张*',
    idType: 'resident-id',
    idNumber: '3301**********1234',
    phone: '138****5678',
    homeRegion: '330106',
    currentRegion: '330106',
  },
  verification: { state: 'verified', method: 'alipay', verifiedAt: '2026-11-18T02:00:00.000Z', rejectedReason: null },
  code: {
    color: 'yellow',
    reasons: [
      {
        ruleId: 'symptoms',
        ruleVersion: 1,
        color: 'yellow',
        text: { 'zh-CN': '您申报了发热症状', en: 'You declared a fever' },
        fact: { source: 'self-declared', kind: 'symptom' },
        since: '2026-11-19',
        until: null,
      },
    ],
    greenAt: '2026-11-26',
    greenWhen: { 'zh-CN': '连续打卡 7 天后转绿', en: 'Green after 7 days of check-ins' },
    steps: [
      { id: 'check-in', text: { 'zh-CN': '每日健康打卡', en: 'Check in daily' }, progress: { done: 2, total: 7 } },
    ],
    ruleSetVersion: 1,
    evaluatedAt: '2026-11-20T02:00:00Z',
  },
  declarations: [
    {
      id: 'd1',
      declaredAt: '2026-11-19T02:00:00Z',
      currentRegion: '330106',
      stays: [],
      symptoms: [{ symptom: 'fever', onset: '2026-11-19' }],
      contactDate: null,
      deleteAt: '2026-12-19T02:00:00Z',
    },
  ],
  checkIns: [],
  history: [
    {
      id: 'h1',
      at: '2026-11-19T02:00:00Z',
      cause: 'declaration',
      causeText: { 'zh-CN': '健康申报', en: 'declaration' },
      colorBefore: 'green',
      colorAfter: 'yellow',
      reasonsBefore: [],
      reasonsAfter: [],
      greenAtAfter: '2026-11-26',
    },
  ],
};

jest.setTimeout(20_000);

describe('hotline lookup', () => {
  it('builds the request from the form: purpose and either an ID or a phone', () => {
    expect(
      toLookupRequest({
        purposeKind: 'hotline-call',
        purposeValue: ' CALL-1 ',
        by: 'id',
        idType: 'resident-id',
        idNumber: '33010619900101001x',
      }),
    ).toEqual({
      idType: 'resident-id',
      idNumber: '33010619900101001X',
      purpose: { kind: 'hotline-call', callRef: 'CALL-1' },
    });
    expect(
      toLookupRequest({
        purposeKind: 'appeal',
        purposeValue: 'a-b',
        by: 'phone',
        idType: 'resident-id',
        phone: '138 1234 5678',
      }),
    ).toEqual({
      phone: '13812345678',
      purpose: { kind: 'appeal', appealId: 'a-b' },
    });
  });

  it('says the read is logged and keeps the number fields closed until a purpose is given', async () => {
    stubFetch(() => ({ body: { items: [record], purpose: 'hotline-call:CALL-1' } }));
    signInAs('hotline-agent');
    const { user } = renderApp('/lookup');

    expect(await screen.findByText(/每次查询都会连同查询目的记入该居民的查询记录/)).toBeInTheDocument();
    expect(screen.getByLabelText('证件号码')).toBeDisabled();
    expect(screen.getByRole('button', { name: '查询' })).toBeDisabled();

    await user.type(screen.getByLabelText('来电编号'), 'CALL-1');
    expect(screen.getByLabelText('证件号码')).toBeEnabled();
  });

  it("shows the code in the resident's words, the history and the declarations", async () => {
    const { calls } = stubFetch(() => ({ body: { items: [record], purpose: 'hotline-call:CALL-1' } }));
    signInAs('hotline-agent');
    const { user } = renderApp('/lookup');
    await user.type(await screen.findByLabelText('来电编号'), 'CALL-1');
    await user.type(screen.getByLabelText('证件号码'), '330106199001010013');
    await user.click(screen.getByRole('button', { name: '查询' }));

    expect(await screen.findByText('您申报了发热症状')).toBeInTheDocument();
    expect(screen.getByText('每日健康打卡')).toBeInTheDocument();
    expect(screen.getByText('健康申报')).toBeInTheDocument();
    // Word for word the resident's code page: every line of the shared code view is on screen.
    const shown = screen.getByTestId('code-view').textContent ?? '';
    const view = buildCodeView(record.code!, 'zh-CN', new Date());
    const lines = [view.colorLabel, view.outlook, view.reasonsHeading, view.stepsHeading];
    for (const r of view.reasons) lines.push(r.colorLabel, r.source, r.text, r.since, r.until, r.rule);
    for (const s of view.steps) lines.push(s.text, s.progress?.caption ?? null);
    for (const line of lines.filter((l): l is string => l !== null)) expect(shown).toContain(line);
    expect(shown).toContain('自 2026-11-19 起');
    expect(shown).toContain('规则 symptoms v1');
    for (const line of buildHistoryLines(record.history, 'zh-CN')) {
      const row = screen.getByText(line.cause).closest('tr');
      expect(row).toHaveTextContent(line.at);
      expect(row).toHaveTextContent(line.greenBy ?? '');
    }
    expect(screen.getByText(/目的：hotline-call:CALL-1/)).toBeInTheDocument();
    expect(screen.getByText(/证件号码已核验（支付宝实名认证/)).toBeInTheDocument();
    expect(calls[0]).toMatchObject({
      url: '/api/v1/staff/lookup',
      method: 'POST',
      body: {
        idType: 'resident-id',
        idNumber: '330106199001010013',
        purpose: { kind: 'hotline-call', callRef: 'CALL-1' },
      },
    });
  });

  it('issues a printed card for a verified caller during a hotline call, with the call reference', async () => {
    const { calls } = stubFetch((call) =>
      call.url.endsWith('/card')
        ? {
            status: 201,
            body: {
              issuedAt: '2026-12-07T02:00:00.000Z',
              expiresAt: '2027-03-07T02:00:00.000Z',
              issuedBy: 'staff',
              name: '张*',
            },
          }
        : { body: { items: [record], purpose: 'hotline-call:CALL-1' } },
    );
    signInAs('hotline-agent');
    const { user } = renderApp('/lookup', { language: 'en' });
    await user.type(await screen.findByLabelText('Call reference'), 'CALL-1');
    await user.type(screen.getByLabelText('ID number'), '330106199001010013');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await user.click(await screen.findByRole('button', { name: 'Issue card' }));
    expect(await screen.findByText(/Card issued, valid until 2027-03-07/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF (A6)' })).toBeInTheDocument();
    expect(calls[1]).toMatchObject({
      url: '/api/v1/staff/residents/r1/card',
      method: 'POST',
      body: { callRef: 'CALL-1' },
    });
  });

  it('says plainly that an unverified resident has no code instead of showing a colour', async () => {
    const unverified = {
      ...record,
      verification: { state: 'unverified' as const, method: null, verifiedAt: null, rejectedReason: null },
      code: null,
    };
    stubFetch(() => ({ body: { items: [unverified], purpose: 'hotline-call:CALL-2' } }));
    signInAs('hotline-agent');
    const { user } = renderApp('/lookup');
    await user.type(await screen.findByLabelText('来电编号'), 'CALL-2');
    await user.type(screen.getByLabelText('证件号码'), '330106199001010013');
    await user.click(screen.getByRole('button', { name: '查询' }));

    expect(await screen.findByText('证件号码尚未核验。')).toBeInTheDocument();
    expect(screen.getByText(/暂无健康码/)).toBeInTheDocument();
    expect(screen.getByText('证件号码通过核验后才能签发卡片。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '签发卡片' })).not.toBeInTheDocument();
    expect(screen.queryByText('您申报了发热症状')).not.toBeInTheDocument();
  });

  it("shows the API's refusal for a resident outside the scope", async () => {
    stubFetch(() => apiError(403, 'OUT_OF_SCOPE', 'The matching resident is outside your region scope (33)'));
    signInAs('hotline-agent');
    const { user } = renderApp('/lookup', { language: 'en' });
    await user.type(await screen.findByLabelText('Call reference'), 'CALL-1');
    await user.click(screen.getByRole('radio', { name: 'By phone' }));
    await user.type(screen.getByLabelText('Phone number'), '13812345678');
    await user.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('outside your region scope (33)'));
  });
});
