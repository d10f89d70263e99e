import fc from 'fast-check';

/** Strings that have broken validators, parsers, SQL and HTML before. */
export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE residents; --",
  '1 UNION SELECT password_hash FROM staff',
  "\\'; SELECT SLEEP(5); --",
  '%27%20OR%201%3D1',
  "admin'--",
  '1; UPDATE staff SET role=0x73797374656d2d61646d696e',
];
export const SCRIPT_INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '<svg/onload=fetch(`//x`)>',
];
export const UNICODE_EDGES = [
  '\u0000',
  '\u202e330106',
  '\u200b\u200c\u200d\ufeff',
  '３３０１０６',
  '١٢٣٤٥٦',
  'Ａ'.repeat(64),
  '𝕳𝖊𝖑𝖑𝖔',
  '👨‍👩‍👧‍👦'.repeat(20),
  '\ud800',
  '\udfff\ud800',
  'e\u0301'.repeat(50),
  '\r\n\r\nX-Injected: 1',
];

export const badString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.constantFrom(...SQL_INJECTIONS, ...SCRIPT_INJECTIONS, ...UNICODE_EDGES),
    fc.string({ unit: 'grapheme-ascii', minLength: 2_000, maxLength: 20_000 }),
    fc.constantFrom(
      '',
      ' ',
      'null',
      'undefined',
      'NaN',
      '-0',
      '1e309',
      '0x10',
      '00000000-0000-0000-0000-000000000000',
      '../../etc/passwd',
    ),
  );

export const badScalar = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    badString(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2),
    fc.boolean(),
    fc.constant(null),
  );

/** A value of any JSON shape, a few levels deep, built from hostile scalars. */
export const badValue = (): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, badScalar(), tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(
      fc.oneof(badString(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')),
      tie('value'),
      { maxKeys: 5 },
    ),
  })).value;

export type RawBody = { text: string; contentType: string };

function nested(depth: number, open: string, close: string, inner = '1'): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** Bodies for a route that reads JSON; `keys` are the field names its contract documents (from OpenAPI). */
export const badBody = (keys: string[]): fc.Arbitrary<RawBody> => {
  const json = (v: unknown) => ({ text: JSON.stringify(v) ?? 'null', contentType: 'application/json' });
  return fc.oneof(
    { weight: 4, arbitrary: badValue().map(json) },
    {
      weight: 6,
      arbitrary: (keys.length
        ? fc.record(Object.fromEntries(keys.map((k) => [k, badValue()])), { requiredKeys: [] })
        : fc.dictionary(badString(), badValue(), { maxKeys: 4 })
      ).map(json),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1_000, max: 60_000 })
        .map((d) => ({ text: nested(d, '[', ']'), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1_000, max: 20_000 })
        .map((d) => ({ text: nested(d, '{"a":', '}'), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 270_000, max: 400_000 })
        .map((n) => ({ text: JSON.stringify({ pad: 'x'.repeat(n) }), contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '{"a":1,}',
          '{"a":',
          '[1,2',
          "{'a':1}",
          '{"a":NaN}',
          '{"a":1} // c',
          '\u0000',
          '',
          ' ',
          '{"__proto__":{"isAdmin":true}}',
          '{"constructor":{"prototype":{"polluted":1}}}',
          '{"a":"\\ud800"}',
          '{"a":1e999999}',
          '{"a":"\\u0000"}',
        )
        .map((text) => ({ text, contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=utf-7',
            'image/png',
          ),
          badString(),
        )
        .map(([contentType, text]) => ({ text, contentType })),
    },
  );
};

/** Query strings for a route that reads its query; `keys` are the documented parameter names. */
export const badQuery = (keys: string[]): fc.Arbitrary<string> => {
  const enc = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ff';
    }
  };
  const pair = fc.tuple(
    keys.length
      ? fc.oneof(
          fc.constantFrom(...keys),
          badString(),
          fc.constantFrom('a[b]', 'a[]', '__proto__', 'constructor[prototype][x]'),
        )
      : badString(),
    badString(),
  );
  return fc.oneof(
    fc
      .array(pair, { minLength: 1, maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${enc(k) || 'x'}=${enc(v)}`).join('&')),
    fc.constantFrom(
      '%ff=%fe',
      'a=%',
      'region=33&region=11',
      'pageSize=-1',
      'page=1e309',
      'pageSize=99999999999999999999',
      'x=1&x=2&x=3',
    ),
  );
};

/** Values for path parameters. */
export const badParam = (): fc.Arbitrary<string> =>
  fc.oneof(
    badString().map((s) => {
      try {
        return encodeURIComponent(s) || 'x';
      } catch {
        return '%ff';
      }
    }),
    fc.constantFrom(
      '%ff',
      '%00',
      '..%2f..%2fetc%2fpasswd',
      '-1',
      '0',
      '99999999999999999999999',
      'NaN',
      'x'.repeat(250),
      '%E2%80%AE',
    ),
  );
