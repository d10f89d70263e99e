/** True when a write failed on the named unique key (MySQL/MariaDB errno 1062 names the key in its message). */
export function isDuplicateKeyOn(error: unknown, key: string): boolean {
  const e = error as { errno?: number; sqlMessage?: string; driverError?: { errno?: number; sqlMessage?: string } };
  const errno = e?.errno ?? e?.driverError?.errno;
  const message = e?.sqlMessage ?? e?.driverError?.sqlMessage ?? '';
  return errno === 1062 && message.includes(`'${key}'`);
}
