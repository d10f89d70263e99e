/** InnoDB's answers when two transactions wait on each other (1213) or a lock wait times out (1205). */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

/** A unique key refused an INSERT (1062): someone else wrote the row first. */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e?.errno === 1062 || e?.driverError?.errno === 1062;
}

export function isRetryableLockError(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return RETRYABLE_ERRNOS.has(e?.errno ?? -1) || RETRYABLE_ERRNOS.has(e?.driverError?.errno ?? -1);
}

/**
 * Runs a whole transaction again when InnoDB picks it as a deadlock victim. The victim's work was rolled
 * back, so running it again is safe; the jitter keeps the two contenders from meeting again at once.
 */
export async function withDeadlockRetry<T>(
  work: () => Promise<T>,
  options: { attempts?: number; alsoRetry?: (error: unknown) => boolean } = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !(isRetryableLockError(error) || options.alsoRetry?.(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
