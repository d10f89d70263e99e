/**
 * @jest-environment jsdom
 */
import type { CodeResponse } from '@healthcode/contracts';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';

import { request as taroRequest, resetTaroFake, useDidShow } from '../../../test/taro.fake';
import { initI18n, setLocale } from '../../i18n/i18n';
import { saveAccessToken } from '../../services/token-store';
import { CodeCard } from './components/code-card';
import CodePage from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const T0 = Date.parse('2020-02-10T08:00:00Z');

function codeResponse(overrides: Partial<CodeResponse> = {}): CodeResponse {
  return {
    color: 'yellow',
    reasons: [
      {
        ruleId: 'stay-in-risk-region',
        ruleVersion: 3,
        color: 'yellow',
        text: { 'zh-CN': '您在中风险地区停留过', en: 'You stayed in a medium-risk region' },
        fact: { source: 'self-declared', kind: 'stay' },
        since: '2020-02-08',
        until: '2020-02-22',
      },
    ],
    greenAt: '2020-02-22',
    greenWhen: null,
    steps: [
      { id: 'daily-check-in', text: { 'zh-CN': '每日打卡', en: 'Check in daily' }, progress: { done: 3, total: 7 } },
    ],
    token: 'eyJhbGciOiJFUzI1NiJ9.eyJjIjoieWVsbG93In0.c2ln',
    tokenExpiresAt: new Date(T0 + 5 * 60_000).toISOString(),
    ruleSetVersion: 3,
    evaluatedAt: new Date(T0).toISOString(),
    ...overrides,
  };
}

describe('<CodeCard>', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => setLocale('en'));

  it('shows the label, the QR and the time until the code refreshes', () => {
    document.body.innerHTML = renderToStaticMarkup(<CodeCard code={codeResponse()} now={T0} />);
    expect(document.body.textContent).toContain('Yellow – stay home');
    expect(document.body.textContent).toContain('Code refreshes in 4:30');
    // A screen reader hears the colour and the validity, not only "image".
    expect(document.querySelector('[role="img"]')?.getAttribute('aria-label')).toMatch(
      /^Health code QR, Yellow – stay home, valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
  });

  it('replaces the QR once the token has expired', () => {
    document.body.innerHTML = renderToStaticMarkup(<CodeCard code={codeResponse()} now={T0 + 6 * 60_000} />);
    expect(document.querySelector('[role="img"]')).toBeNull();
    expect(document.body.textContent).toContain('This code has expired');
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    document.body.innerHTML = renderToStaticMarkup(<CodeCard code={codeResponse({ color: 'green' })} now={T0} />);
    expect(document.body.textContent).toContain('绿码 – 可自由通行');
  });
});

describe('<CodePage>', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    resetTaroFake();
    setLocale('en');
    saveAccessToken('tok', 3600);
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    jest.useRealTimers();
  });

  /** The code for `/me/code`, these appeals for `/me/appeals`. */
  function serve(code: CodeResponse, appeals: unknown[] = []) {
    taroRequest.mockImplementation(async ({ url }: { url: string }) => ({
      statusCode: 200,
      data: url.endsWith('/me/appeals') ? { items: appeals } : code,
    }));
  }
  const codeCalls = () => taroRequest.mock.calls.filter((c) => String(c[0].url).endsWith('/me/code')).length;

  async function flush() {
    await act(async () => {
      await Promise.resolve();
    });
  }

  it('renders reasons, the green-by date and step progress, then refetches 30 s before expiry', async () => {
    serve(codeResponse());
    act(() => root.render(<CodePage />));
    await flush();

    expect(codeCalls()).toBe(1);
    expect(container.textContent).toContain('You stayed in a medium-risk region');
    expect(container.textContent).toContain('You declared');
    expect(container.textContent).toContain('Turns green on 2020-02-22 (12 days)');
    expect(container.textContent).toContain('3 of 7 done');
    expect(container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('3');
    // Each reason that is not green can be appealed from here; appeals and messages are one tap away.
    expect(container.querySelector('#appeal-reason-1')?.getAttribute('aria-label')).toBe('Appeal reason 1');
    expect(container.querySelector('#code-appeals')).not.toBeNull();
    expect(container.querySelector('#code-inbox')).not.toBeNull();

    await act(async () => {
      jest.advanceTimersByTime(4 * 60_000 + 29_000);
    });
    expect(codeCalls()).toBe(1);
    expect(container.textContent).toContain('Code refreshes in 0:01');

    serve(codeResponse({ color: 'green', tokenExpiresAt: new Date(T0 + 10 * 60_000).toISOString() }));
    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    await flush();
    expect(codeCalls()).toBe(2);
    // The old code stayed on screen during the background refresh; now the new one shows.
    expect(container.textContent).toContain('Green – travel freely');
  });

  it('refetches when the page is shown again, but not right after a load', async () => {
    serve(codeResponse());
    act(() => root.render(<CodePage />));
    await flush();
    const onShow = () => (useDidShow.mock.calls[useDidShow.mock.calls.length - 1][0] as () => void)();
    act(() => onShow());
    expect(codeCalls()).toBe(1);
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    act(() => onShow());
    await flush();
    expect(codeCalls()).toBe(2);
  });

  it('links a reason under appeal to its appeal instead of offering a second one', async () => {
    const reasonKey = 'stay-in-risk-region|stay||';
    serve(codeResponse(), [{ number: 3, reasonKey, status: 'in-review', submittedAt: '2020-02-09T00:00:00Z' }]);
    act(() => root.render(<CodePage />));
    await flush();
    expect(container.querySelector('#appeal-reason-1')?.getAttribute('aria-label')).toBe('Appeal #3: in review');
  });

  it('shows the API message when the code cannot be loaded', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 403,
      data: { statusCode: 403, code: 'NOT_REGISTERED', message: 'Sign up first' },
    });
    act(() => root.render(<CodePage />));
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Sign up first');
  });

  it('shows no colour while the ID number is not verified: what is missing, how to finish, and the way to verify', async () => {
    taroRequest.mockResolvedValue({
      statusCode: 409,
      data: { statusCode: 409, code: 'VERIFICATION_REQUIRED', message: 'Your ID number is not verified yet' },
    });
    act(() => root.render(<CodePage />));
    await flush();
    const needed = container.querySelector('#code-verification-needed');
    expect(needed?.textContent).toContain('No code yet: your ID number is not verified.');
    expect(needed?.textContent).toContain('call the hotline');
    expect(needed?.textContent).toContain('Verify my ID number');
    expect(container.querySelector('[role="img"]')).toBeNull();
  });
});
