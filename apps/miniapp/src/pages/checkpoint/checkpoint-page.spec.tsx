/**
 * @jest-environment jsdom
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

import { reLaunch, resetTaroFake, storage } from '../../../test/taro.fake';
import { saveDeviceSettings, saveOperator } from '../../checkpoint/checkpoint-store';
import { initI18n, setLocale } from '../../i18n/i18n';
import CheckpointPage from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const OPERATOR = {
  id: 's1',
  username: 'checkpoint-operator',
  displayName: 'Demo operator',
  role: 'checkpoint-operator' as const,
  regionScope: '33',
};

describe('<CheckpointPage>', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeAll(() => initI18n('en'));
  beforeEach(() => {
    jest.useFakeTimers();
    resetTaroFake();
    setLocale('en');
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    jest.useRealTimers();
  });

  it('sends a device without an operator to the staff sign-in', () => {
    act(() => root.render(<CheckpointPage />));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/staff-login/index' });
  });

  it('asks for the checkpoint and device credential first', () => {
    saveOperator(OPERATOR);
    act(() => root.render(<CheckpointPage />));
    expect(container.textContent).toContain('Operator: Demo operator');
    expect(container.querySelector('[aria-label="device setup"]')).not.toBeNull();
    expect(container.querySelector('#checkpoint-verify')).toBeNull();
  });

  it('says how codes are verified, whether keys are cached and what waits for upload', () => {
    saveOperator(OPERATOR);
    saveDeviceSettings({ checkpointId: '3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', authorization: 'Device a.b' });
    storage.set('hc.checkpoint.queue', [
      { token: 'a.b.c', clientScanId: 'abcdefgh1', scannedAt: '2020-02-10T00:00:00Z' },
    ]);
    act(() => root.render(<CheckpointPage />));
    expect(container.textContent).toContain('verified on this device with the cached signing keys');
    expect(container.querySelector('[aria-label="keys status"]')?.textContent).toContain('No keys on this device yet');
    expect(container.querySelector('[aria-label="queued scans"]')?.getAttribute('data-count')).toBe('1');
    expect(container.textContent).toContain('Upload the waiting scans before changing the checkpoint.');
  });

  it('shows the operator each offline scan the server refused, when it was scanned and why', () => {
    saveOperator(OPERATOR);
    saveDeviceSettings({ checkpointId: '3f2b8c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', authorization: 'Device a.b' });
    storage.set('hc.checkpoint.refused', [
      {
        clientScanId: 'abcdefgh1',
        scannedAt: '2020-02-10T00:00:00.000Z',
        reason: 'scanned-before-issue',
        message: 'x',
      },
    ]);
    act(() => root.render(<CheckpointPage />));
    const section = container.querySelector('[aria-label="refused scans"]');
    expect(section?.textContent).toContain('Refused offline scans (1)');
    expect(section?.querySelectorAll('[role="listitem"]')).toHaveLength(1);
    expect(section?.textContent).toContain('The scan time is before this code was issued: check the device clock.');

    act(() => root.unmount());
    root = createRoot(container);
    setLocale('zh-CN');
    act(() => root.render(<CheckpointPage />));
    expect(container.textContent).toContain('扫码时间早于该健康码的签发时间');
  });
});
