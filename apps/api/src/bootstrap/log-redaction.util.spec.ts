import { Writable } from 'node:stream';

import pino, { type Logger, stdSerializers } from 'pino';

import { CENSOR, REDACTED_PATHS, redactLogObject } from './log-redaction.util';
import { formatLogObject, LOG_SERIALIZERS } from './logger.options';

/** A pino logger writing each line into `lines`, without the fields that differ from one run to the next. */
function capture(options: pino.LoggerOptions): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ ...options, base: undefined, timestamp: false }, stream), lines };
}

/** The logger as it was (pino's fast-redact over the same paths, pino's serializers) and as it is now. */
function both() {
  const before = capture({
    redact: { paths: [...REDACTED_PATHS], censor: CENSOR },
    serializers: { ...LOG_SERIALIZERS, err: stdSerializers.err },
  });
  const after = capture({ serializers: LOG_SERIALIZERS, formatters: { log: formatLogObject } });
  return { before, after };
}

/** One line through both; `req` bound as pino-http binds it (the only child bindings there are). */
function logBoth(obj: Record<string, unknown>, req?: Record<string, unknown>): { before: string; after: string } {
  const { before, after } = both();
  for (const { log } of [before, after]) (req ? log.child({ req }) : log).info(structuredClone(obj), 'line');
  return { before: before.lines.join(''), after: after.lines.join('') };
}

/** A small deterministic generator (xorshift) for random nested objects. */
function random(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const KEYS = ['name', 'idNumber', 'id_number', 'phone', 'token', 'accessToken', 'password', 'totp', 'code', 'a', 'b'];
const KEYS_MORE = [...KEYS, 'headers', 'authorization', 'cookie', 'set-cookie', 'x-device-credential', 'region'];

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 3 || r < 0.35) return [null, 0, 7, 'text', '张三', true][Math.floor(next() * 6)];
  if (r < 0.5) return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--)
    o[KEYS_MORE[Math.floor(next() * KEYS_MORE.length)]] = randomValue(next, depth + 1);
  return o;
}

describe('redactLogObject (in place of pino redact, issue #16)', () => {
  it('censors the paths the logger always redacted', () => {
    expect([...REDACTED_PATHS].sort()).toEqual(
      [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-device-credential"]',
        'res.headers["set-cookie"]',
        '*.name',
        '*.idNumber',
        '*.id_number',
        '*.phone',
        '*.token',
        '*.accessToken',
        '*.password',
        '*.totp',
        '*.code',
        '*.*.name',
        '*.*.idNumber',
        '*.*.phone',
        '*.*.token',
        '*.*.password',
      ].sort(),
    );
  });

  it('writes the same lines as pino with fast-redact over the same paths, for hand-picked objects', () => {
    const cases: Record<string, unknown>[] = [
      { a: 1, b: { c: 2 } },
      { user: { name: '张三', phone: '13800000000', nested: { idNumber: 'x', name: 'y', other: 1 } } },
      { list: [{ token: 't' }, { x: { password: 'p' } }], token: 'top level is not a redacted path' },
      { a: { code: '123456' }, b: { c: { code: 'three down is not a redacted path' } } },
      { a: { name: null, phone: undefined, token: 0 }, b: null, c: [] },
      { req: { id: 'r1', method: 'GET', url: '/api/v1/me?x=1', headers: { authorization: 'Bearer x' } } },
      { res: { statusCode: 200, headers: { 'set-cookie': 'x' } }, responseTime: 3 },
      { req: { url: '/', headers: { cookie: 'c', 'x-device-credential': 'd' } }, other: { headers: { cookie: 'c' } } },
    ];
    for (const obj of cases) {
      const { before, after } = logBoth(obj);
      expect(after).toBe(before);
    }
    expect(logBoth(cases[1]).after).not.toContain('张三');
    expect(logBoth(cases[1]).after).toContain(CENSOR);
  });

  it("writes the same lines for errors (with enumerable details and a cause) and for pino-http's request child", () => {
    const error = Object.assign(new Error('refused', { cause: new Error('inner') }), {
      details: { phone: '13800000000', field: 'phone' },
      code: 'X',
    });
    const { before, after } = both();
    for (const { log } of [before, after]) {
      log.error({ err: error }, 'failed');
      log.error(error);
      log.error({ err: { message: 'error-like', phone: '13800000000' } }, 'plain');
      log
        .child({ req: { id: 'r', method: 'PUT', url: '/a?b', headers: { authorization: 'x' } } })
        .warn({ a: { name: '李四' } }, 'x');
    }
    expect(after.lines).toEqual(before.lines);
    expect(after.lines.join('')).not.toContain('13800000000');
    expect(after.lines.join('')).not.toContain('李四');
  });

  it('writes the same lines as pino with fast-redact for 2,000 random nested objects', () => {
    const next = random(20_201_207);
    for (let i = 0; i < 2000; i++) {
      const obj = randomValue(next, 0);
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) continue;
      const req = next() < 0.3 ? { id: String(i), method: 'GET', url: `/api/v1/x?i=${i}` } : undefined;
      const { before, after } = logBoth(obj as Record<string, unknown>, req);
      expect(after).toBe(before);
    }
  });

  it('never changes the object it was given, and returns it as is when nothing is censored', () => {
    const clean = { a: { b: 1 }, list: [{ c: 2 }] };
    expect(redactLogObject(clean)).toBe(clean);
    const dirty = { a: { name: 'x', b: { phone: 'y' } }, list: [{ token: 't' }] };
    const copy = structuredClone(dirty);
    const out = redactLogObject(dirty);
    expect(dirty).toEqual(copy);
    expect(out).toEqual({ a: { name: CENSOR, b: { phone: CENSOR } }, list: [{ token: CENSOR }] });
  });
});
