interface Waiter<R> {
  resolve: (row: R | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces primary-key reads issued in the same turn of the event loop into one `WHERE key IN (…)` statement.
 * Under load, the requests parsed in one turn all reach their guard or handler before the check phase, so 64
 * concurrent `GET /me/code` cost a couple of statements instead of 64 (each statement is a socket write and a
 * packet to parse on both sides: the largest cost left on the hot routes, issue #16). A read is sent after the
 * request that wants it arrived, never answered from an earlier statement, so it sees every commit before it,
 * as a read of its own would.
 */
export class BatchedKeyRead<R> {
  private pending = new Map<string, Waiter<R>[]>();
  private scheduled = false;

  /**
   * @param readMany one statement for the given keys; the map holds the row of each key that exists.
   * @param maxBatch a batch this large is sent at once, without waiting for the end of the turn.
   */
  constructor(
    private readonly readMany: (keys: string[]) => Promise<Map<string, R>>,
    private readonly maxBatch = 256,
  ) {}

  read(key: string): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (this.pending.size >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.readMany([...batch.keys()]).then(
      (rows) => {
        for (const [key, waiters] of batch) for (const w of waiters) w.resolve(rows.get(key));
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      },
    );
  }
}
