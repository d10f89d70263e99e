import { AuditChainVerifier, type ChainedEntry } from './audit-chain-verifier.util';
import { entryHash, GENESIS_HASH } from './audit-hash.util';

function chain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev: Buffer = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2020, 1, seq)),
      actorKind: 'system',
      actorId: null,
      actorRole: 'test',
      action: 'test.done',
      targetType: 't',
      targetId: String(seq),
      region: null,
      details: { seq },
    };
    const hash = entryHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(
  entries: ChainedEntry[],
  head = { seq: entries.at(-1)?.seq ?? 0, hash: entries.at(-1)?.hash ?? GENESIS_HASH },
) {
  const v = new AuditChainVerifier();
  for (const e of entries) if (!v.feed(e)) break;
  return v.finish(head);
}

describe('AuditChainVerifier', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verify(chain(5))).toBeNull();
    expect(verify([])).toBeNull();
  });

  it('names an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2], details: { seq: 99 } };
    expect(verify(c)).toMatchObject({ seq: 3, reason: 'hash-mismatch' });
  });

  it('names the entry after one that was edited and re-hashed', () => {
    const c = chain(5);
    c[1] = { ...c[1], details: { x: 1 } };
    c[1].hash = entryHash(c[1].prevHash, c[1]);
    expect(verify(c)).toMatchObject({ seq: 3, reason: 'prev-hash-mismatch' });
  });

  it('names a deleted entry in the middle and at the end', () => {
    const c = chain(5);
    expect(verify([...c.slice(0, 2), ...c.slice(3)])).toMatchObject({ seq: 3, reason: 'missing' });
    expect(verify(c.slice(0, 4), { seq: 5, hash: c[4].hash })).toMatchObject({ seq: 5, reason: 'missing' });
  });

  it('notices a head that points elsewhere', () => {
    const c = chain(3);
    expect(verify(c, { seq: 3, hash: Buffer.alloc(32, 7) })).toMatchObject({ seq: 3, reason: 'head-mismatch' });
  });
});
