import { enqueue, isQueueable, newClientScanId, newScan, rejectedIndexes, withoutIds } from './scan-queue.util';

const ID = /^[A-Za-z0-9_-]{8,64}$/;

describe('scan queue', () => {
  it('makes ids the API accepts, unique even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newClientScanId(1_700_000_000_000, () => 0.5));
    expect(ids.every((id) => ID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(1000);
  });

  it('records the token trimmed, with an id and the device time', () => {
    const scan = newScan('  abc.def.ghi\n', new Date('2020-02-10T08:00:00Z'));
    expect(scan).toMatchObject({ token: 'abc.def.ghi', scannedAt: '2020-02-10T08:00:00.000Z' });
    expect(scan.clientScanId).toMatch(ID);
  });

  it('queues each scan once and never a token the API would refuse the whole batch for', () => {
    const a = newScan('a.b.c');
    let q = enqueue([], a);
    q = enqueue(q, a);
    expect(q).toEqual([a]);
    expect(isQueueable(newScan(''))).toBe(false);
    expect(enqueue(q, newScan('x'.repeat(5000)))).toEqual([a]);
    expect(withoutIds(q, new Set([a.clientScanId]))).toEqual([]);
  });

  it('reads batch item indexes from validation paths', () => {
    expect([...rejectedIndexes(['scans.3.scannedAt', 'scans.10.token', 'scans', 'other'])]).toEqual([3, 10]);
  });
});
