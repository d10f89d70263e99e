/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { request as taroRequest, resetTaroFake } from '../../test/taro.fake';
import { forgetNotificationTemplates } from '../services/notification-templates';
import { saveAccessToken } from '../services/token-store';
import { type SubscriptionOutcome, useSubscription } from './use-subscription';

const mockHostRequest = jest.fn();
jest.mock('../platform/subscribe', () => ({
  subscriber: { host: 'wechat', request: (ids: string[]) => mockHostRequest(ids) },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** As the WeChat build: the template ids come from the server, the dialog from `wx.requestSubscribeMessage`. */
describe('useSubscription', () => {
  let container: HTMLDivElement;
  let root: Root;
  let handle: { available: boolean; ask: () => Promise<SubscriptionOutcome> } | null = null;

  function Probe({ kind }: { kind: 'appeal' | 'color' }) {
    handle = useSubscription(kind);
    return null;
  }

  beforeEach(() => {
    resetTaroFake();
    forgetNotificationTemplates();
    mockHostRequest.mockReset();
    saveAccessToken('tok', 3600);
    taroRequest.mockImplementation(async () => ({
      statusCode: 200,
      data: { wechat: { appeal: 'tmpl-appeal', color: 'tmpl-color' }, alipay: null },
    }));
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const mount = async (kind: 'appeal' | 'color') => {
    await act(async () => root.render(<Probe kind={kind} />));
    await act(async () => {
      await Promise.resolve();
    });
  };

  it('asks WeChat for the colour template the server sends with, and reports the choice', async () => {
    await mount('color');
    expect(taroRequest.mock.calls[0][0].url).toMatch(/\/api\/v1\/me\/notifications\/templates$/);
    expect(handle!.available).toBe(true);
    mockHostRequest.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-color': 'accept' });
    expect(await handle!.ask()).toBe('accepted');
    expect(mockHostRequest).toHaveBeenCalledWith(['tmpl-color']);
    mockHostRequest.mockResolvedValueOnce({ 'tmpl-color': 'reject' });
    expect(await handle!.ask()).toBe('declined');
    mockHostRequest.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
    expect(await handle!.ask()).toBe('declined');
  });

  it('uses the appeal template on the appeal form, and offers nothing when the server has none', async () => {
    await mount('appeal');
    mockHostRequest.mockResolvedValueOnce({ 'tmpl-appeal': 'accept' });
    expect(await handle!.ask()).toBe('accepted');
    expect(mockHostRequest).toHaveBeenCalledWith(['tmpl-appeal']);

    act(() => root.unmount());
    root = createRoot(container);
    forgetNotificationTemplates();
    taroRequest.mockImplementation(async () => ({ statusCode: 200, data: { wechat: null, alipay: null } }));
    await mount('appeal');
    expect(handle!.available).toBe(false);
    expect(await handle!.ask()).toBe('unavailable');
  });
});
