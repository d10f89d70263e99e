/**
 * A small per-process cache of computed answers, each kept for `ttlMs` from when it was computed, then computed
 * again. It keeps whole answers, never parts: a hit is exactly what a fresh computation gave at most `ttlMs`
 * ago. Concurrent misses for one key share one computation; a failed one is not kept. At most `maxEntries`
 * keys (expired ones go first, then the oldest), so an attacker walking keys cannot grow it without bound.
 * `ttlMs` 0 turns it off. Time comes from the caller (the injected Clock), so tests move it by hand.
 */
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, nowMs: number, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && nowMs >= hit.at && nowMs - hit.at < this.ttlMs) return hit.value;
    this.entries.delete(key);
    this.makeRoom(nowMs);
    const value = compute();
    const entry = { at: nowMs, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private makeRoom(nowMs: number): void {
    if (this.entries.size < this.maxEntries) return;
    for (const [key, entry] of this.entries)
      if (nowMs - entry.at >= this.ttlMs || nowMs < entry.at) this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
