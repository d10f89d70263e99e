/**
 * @jest-environment jsdom
 */
import { appealReasonKey, type CodeReason } from '@healthcode/contracts';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { request as taroRequest, resetTaroFake, useRouter } from '../../../test/taro.fake';
import { initI18n, setLocale } from '../../i18n/i18n';
import { saveAccessToken } from '../../services/token-store';
import AppealNewPage from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const reason: CodeReason = {
  ruleId: 'confirmed-case',
  ruleVersion: 1,
  color: 'red',
  text: { 'zh-CN': '确诊病例', en: 'You are a confirmed case' },
  fact: { source: 'case-registry', kind: 'case', ref: 'f1', date: '2020-02-05' },
  since: null,
  until: null,
};

const offered = {
  region: '330106',
  categories: [
    {
      key: 'wrong-case-match',
      label: { 'zh-CN': '病例登记匹配错了人', en: 'The case registry matched the wrong person' },
      custom: false,
    },
    { key: 'quarantine-hotel', label: { 'zh-CN': '隔离酒店记录有误', en: 'Quarantine hotel record' }, custom: true },
  ],
};

describe('<AppealNewPage>', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    resetTaroFake();
    taroRequest.mockReset();
    setLocale('en');
    saveAccessToken('tok', 3600);
    useRouter.mockReturnValue({ params: { key: encodeURIComponent(appealReasonKey(reason)) }, path: '' });
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

  it("offers exactly the categories of the resident's region, with their labels", async () => {
    taroRequest.mockImplementation(async ({ url }: { url: string }) => ({
      statusCode: 200,
      data: url.endsWith('/me/appeal-categories')
        ? offered
        : { color: 'red', reasons: [reason], greenAt: null, greenWhen: null, steps: [] },
    }));
    act(() => root.render(<AppealNewPage />));
    await flush();
    expect(taroRequest.mock.calls.map(([call]) => call.url)).toEqual(
      expect.arrayContaining(['/api/v1/me/code', '/api/v1/me/appeal-categories']),
    );
    const group = container.querySelector('[aria-label="What is wrong?"]');
    const labels = [...(group?.querySelectorAll('[aria-label]') ?? [])].map((e) => e.getAttribute('aria-label'));
    expect(labels).toEqual(['The case registry matched the wrong person', 'Quarantine hotel record']);
    expect(container.textContent).not.toContain('My symptoms have resolved');
  });
});
