/**
 * @jest-environment jsdom
 */
import type { AppealView } from '@healthcode/contracts';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { request as taroRequest, resetTaroFake, useRouter } from '../../../test/taro.fake';
import { initI18n, setLocale } from '../../i18n/i18n';
import { saveAccessToken } from '../../services/token-store';
import AppealPage from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DECISION_TEXT = 'The registry case belongs to another person; your ID was mistyped by the hospital.';

function appeal(overrides: Partial<AppealView> = {}): AppealView {
  return {
    number: 7,
    status: 'needs-info',
    category: 'wrong-case-match',
    categoryLabel: { 'zh-CN': '病例登记匹配错了人', en: 'The case registry matched the wrong person' },
    ruleId: 'confirmed-case',
    reasonKey: 'confirmed-case|case|f1|2020-02-05',
    reason: {
      ruleId: 'confirmed-case',
      ruleVersion: 1,
      color: 'red',
      text: { 'zh-CN': '确诊病例', en: 'You are a confirmed case' },
      fact: { source: 'case-registry', kind: 'case' },
      since: null,
      until: null,
    },
    statement: 'Not me',
    region: '330106',
    submittedAt: '2020-02-10T02:00:00Z',
    firstResponseDueAt: '2020-02-11T02:00:00Z',
    decisionDueAt: '2020-02-17T02:00:00Z',
    decision: null,
    timeline: [
      {
        at: '2020-02-10T02:00:00Z',
        type: 'submitted',
        actor: 'resident',
        status: 'submitted',
        message: 'Not me',
        evidence: [{ sha256: 'a', mediaType: 'application/pdf', size: 10 }],
      },
      {
        at: '2020-02-10T03:00:00Z',
        type: 'info-requested',
        actor: 'staff',
        status: 'needs-info',
        message: 'Please send the hospital letter.',
        evidence: [],
      },
    ],
    ...overrides,
  };
}

describe('<AppealPage>', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    resetTaroFake();
    taroRequest.mockReset();
    setLocale('en');
    saveAccessToken('tok', 3600);
    useRouter.mockReturnValue({ params: { number: '7' }, path: '' });
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

  it('shows the question and an answer form while information is needed', async () => {
    taroRequest.mockResolvedValue({ statusCode: 200, data: appeal() });
    act(() => root.render(<AppealPage />));
    await flush();
    expect(taroRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/me/appeals/7', method: 'GET' });
    expect(container.querySelector('[aria-label="appeal status"]')?.getAttribute('data-status')).toBe('needs-info');
    expect(container.querySelector('[aria-label="information request"]')?.textContent).toContain(
      'Please send the hospital letter.',
    );
    expect(container.querySelector('#appeal-answer-submit')).not.toBeNull();
    expect(container.querySelector('[aria-label="appeal timeline"]')?.textContent).toContain('1 file(s) attached');
  });

  it('shows the decision word for word, and that a second person must still approve', async () => {
    const decided = appeal({
      status: 'decided',
      decision: {
        outcome: 'corrected',
        reason: DECISION_TEXT,
        override: { color: 'green', until: '2020-03-01' },
        factCorrected: true,
        approval: 'pending',
        decidedAt: '2020-02-12T02:00:00Z',
      },
    });
    taroRequest.mockResolvedValue({ statusCode: 200, data: decided });
    act(() => root.render(<AppealPage />));
    await flush();
    const decision = container.querySelector('[aria-label="decision"]')?.textContent ?? '';
    expect(decision).toContain(DECISION_TEXT);
    expect(decision).toContain('Green – travel freely');
    expect(decision).toContain('A second staff member must approve this');
    expect(container.querySelector('[aria-label="information request"]')).toBeNull();
  });

  it('shows the API message when the appeal cannot be loaded', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 404,
      data: { statusCode: 404, code: 'NOT_FOUND', message: 'No such appeal' },
    });
    act(() => root.render(<AppealPage />));
    await flush();
    expect(container.querySelector('[aria-label="error"]')?.textContent).toContain('No such appeal');
  });
});
