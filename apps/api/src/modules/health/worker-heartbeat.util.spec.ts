import { heartbeatKey, isHeartbeatFresh } from './worker-heartbeat.util';

describe('worker heartbeat', () => {
  it('keys each worker under the hash-tagged queue prefix', () => {
    expect(heartbeatKey('{hc}', 'worker-1')).toBe('{hc}:heartbeat:worker:worker-1');
  });

  it.each([
    [null, false],
    ['', false],
    ['not-a-time', false],
    [String(100_000 - 29_999), true],
    [String(100_000 - 30_000), false],
    [String(100_000), true],
  ])('value %p at t=100000 with 30 s staleness is fresh: %p', (value, fresh) => {
    expect(isHeartbeatFresh(value, 100_000, 30_000)).toBe(fresh);
  });
});
