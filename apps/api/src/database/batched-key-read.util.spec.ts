import { BatchedKeyRead } from './batched-key-read.util';

describe('BatchedKeyRead', () => {
  it('answers reads of one turn with one statement, each with its own row', async () => {
    const calls: string[][] = [];
    const reader = new BatchedKeyRead<number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length]));
    });
    const answers = await Promise.all([reader.read('a'), reader.read('bb'), reader.read('a'), reader.read('missing')]);
    expect(answers).toEqual([1, 2, 1, undefined]);
    expect(calls).toEqual([['a', 'bb', 'missing']]);
  });

  it('sends a new statement for reads after the first was sent (never an older answer)', async () => {
    let version = 0;
    const calls: string[][] = [];
    const reader = new BatchedKeyRead<number>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, version]));
    });
    const first = reader.read('k');
    await new Promise((resolve) => setImmediate(resolve));
    version = 1;
    expect(await reader.read('k')).toBe(1);
    expect(await first).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('sends a full batch at once and the rest at the end of the turn', async () => {
    const calls: string[][] = [];
    const reader = new BatchedKeyRead<string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.map((k) => [k, k]));
    }, 2);
    expect(await Promise.all(['a', 'b', 'c'].map((k) => reader.read(k)))).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('rejects every read of a failed statement, and the next turn reads again', async () => {
    let fail = true;
    const reader = new BatchedKeyRead<number>(async (keys) => {
      if (fail) throw new Error('connection lost');
      return new Map(keys.map((k) => [k, 7]));
    });
    const results = await Promise.allSettled([reader.read('a'), reader.read('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await reader.read('a')).toBe(7);
  });
});
