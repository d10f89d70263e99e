import { canonicalJson, entryHash, GENESIS_HASH, type HashedFields } from './audit-hash.util';

const entry = (over: Partial<HashedFields> = {}): HashedFields => ({
  seq: 1,
  at: new Date('2020-02-10T08:00:00.123Z'),
  actorKind: 'staff',
  actorId: '0190b3c4-0000-7000-8000-000000000001',
  actorRole: 'region-admin',
  action: 'risk-level.set',
  targetType: 'region',
  targetId: '420103',
  region: '420103',
  details: { level: 'high', from: '2020-02-01' },
  ...over,
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same whatever order keys arrive in, and escapes unicode as JSON does', () => {
    expect(canonicalJson({ x: '江汉区', y: 'a"b' })).toBe(canonicalJson({ y: 'a"b', x: '江汉区' }));
  });

  it('refuses values JSON cannot round-trip', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('entryHash', () => {
  it('changes when any field or the previous hash changes', () => {
    const base = entryHash(GENESIS_HASH, entry()).toString('hex');
    expect(entryHash(GENESIS_HASH, entry()).toString('hex')).toBe(base);
    expect(entryHash(Buffer.alloc(32, 1), entry()).toString('hex')).not.toBe(base);
    for (const over of [
      { seq: 2 },
      { at: new Date('2020-02-10T08:00:00.124Z') },
      { actorRole: 'supervisor' },
      { targetId: '420104' },
      { region: null },
      { details: { level: 'low', from: '2020-02-01' } },
    ]) {
      expect(entryHash(GENESIS_HASH, entry(over)).toString('hex')).not.toBe(base);
    }
  });

  it('does not depend on the key order of the details', () => {
    expect(entryHash(GENESIS_HASH, entry({ details: { from: '2020-02-01', level: 'high' } }))).toEqual(
      entryHash(GENESIS_HASH, entry()),
    );
  });
});
