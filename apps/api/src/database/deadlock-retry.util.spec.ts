import { isRetryableLockError, withDeadlockRetry } from './deadlock-retry.util';

describe('withDeadlockRetry', () => {
  const deadlock = Object.assign(new Error('Deadlock found'), { driverError: { errno: 1213 } });

  it('runs the work again after a deadlock and returns its result', async () => {
    let calls = 0;
    const result = await withDeadlockRetry(async () => {
      calls++;
      if (calls < 3) throw deadlock;
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt and never retries other errors', async () => {
    let calls = 0;
    await expect(
      withDeadlockRetry(
        async () => {
          calls++;
          throw deadlock;
        },
        { attempts: 2 },
      ),
    ).rejects.toBe(deadlock);
    expect(calls).toBe(2);
    const other = new Error('duplicate');
    await expect(
      withDeadlockRetry(async () => {
        throw other;
      }),
    ).rejects.toBe(other);
    expect(isRetryableLockError({ errno: 1205 })).toBe(true);
    expect(isRetryableLockError({ errno: 1062 })).toBe(false);
  });
});
