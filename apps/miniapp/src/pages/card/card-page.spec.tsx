/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { request as taroRequest, resetTaroFake } from '../../../test/taro.fake';
import { initI18n, setLocale } from '../../i18n/i18n';
import { saveAccessToken } from '../../services/token-store';
import { clearActingFor, saveActingFor } from '../../session/acting-for-store';
import CardPage from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CARD = {
  issuedAt: '2026-12-07T02:00:00.000Z',
  expiresAt: '2027-03-07T02:00:00.000Z',
  issuedBy: 'resident',
  name: '张*',
};

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
};

describe('<CardPage>', () => {
  let container: HTMLDivElement;
  let root: Root;
  let card: typeof CARD | null;
  const calls: string[] = [];
  const headers: Record<string, string>[] = [];

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    resetTaroFake();
    setLocale('en');
    saveAccessToken('resident-token', 3600);
    calls.length = 0;
    card = null;
    taroRequest.mockReset();
    clearActingFor();
    headers.length = 0;
    taroRequest.mockImplementation(
      async ({ url, method, header }: { url: string; method: string; header: Record<string, string> }) => {
        calls.push(`${method} ${url.replace(/^.*\/v1/, '')}`);
        headers.push(header);
        if (url.endsWith('/me/scans')) return { statusCode: 200, data: { items: [] } };
        if (url.endsWith('/me/card') && method === 'POST') return { statusCode: 201, data: (card = CARD) };
        if (url.endsWith('/me/card/revoke')) return { statusCode: 200, data: { card: (card = null) } };
        return { statusCode: 200, data: { card } };
      },
    );
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('offers to issue a card when there is none', async () => {
    act(() => root.render(<CardPage />));
    await flush();
    expect(calls).toEqual(expect.arrayContaining(['GET /me/card', 'GET /me/scans']));
    expect(container.querySelector('[aria-label="no card"]')?.textContent).toContain('You have no card in use.');
    expect(container.querySelector('#card-issue')?.getAttribute('aria-label')).toBe('Issue a card');
  });

  it('shows the card in use: masked name, validity, downloads, reissue and revoke', async () => {
    card = CARD;
    act(() => root.render(<CardPage />));
    await flush();
    const section = container.querySelector('[aria-label="card in use"]');
    expect(section?.textContent).toContain('Name on the card: 张*');
    expect(container.querySelector('[aria-label="card validity"]')?.textContent).toContain('2027-03-07');
    for (const id of ['card-pdf-a4', 'card-pdf-a6', 'card-reissue', 'card-revoke'])
      expect(container.querySelector(`#${id}`)).not.toBeNull();
  });

  it('speaks Chinese too', async () => {
    setLocale('zh-CN');
    act(() => root.render(<CardPage />));
    await flush();
    expect(container.textContent).toContain('您当前没有在用的卡片。');
  });

  it("serves the dependant's card and scans while a carer acts for one", async () => {
    saveActingFor({ dependantId: '3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: '李**' });
    act(() => root.render(<CardPage />));
    await flush();
    expect(headers).toHaveLength(2);
    for (const h of headers) expect(h['x-acting-for']).toBe('3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
  });
});
