import { isIP } from 'node:net';

/**
 * Parses `TRUSTED_PROXIES`: comma-separated addresses or CIDR blocks of the reverse proxies in front of the
 * API. Only a hop from one of them may set `X-Forwarded-For`; with none (the default) the client address is
 * the socket's, so no client can choose its own address for the per-IP limits. Returns null when valid
 * entries are given back in `entries`, else the reason the value is refused.
 */
export function parseTrustedProxies(raw: string): { entries: string[] } | { problem: string } {
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= max);
    if (!family || !prefixOk || rest.length > 0)
      return { problem: `"${entry}" is not an IP address or CIDR block (e.g. 10.0.0.0/8, 127.0.0.1, ::1/128)` };
  }
  return { entries };
}
