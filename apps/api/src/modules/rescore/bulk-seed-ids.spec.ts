import { generateCodeId } from '@healthcode/qr-token';

import { isUuid } from '../../database/uuid-binary.transformer';
import { BulkSeedIds } from './bulk-seed-ids';

describe('BulkSeedIds', () => {
  it('writes unique, increasing version 7 UUIDs, even within one millisecond', () => {
    const ids = new BulkSeedIds(() => 1_765_000_000_000);
    const all = Array.from({ length: 5000 }, () => ids.next());
    expect(new Set(all).size).toBe(5000);
    expect(all.every((id) => isUuid(id) && id[14] === '7' && '89ab'.includes(id[19]))).toBe(true);
    expect([...all].sort()).toEqual(all);
  });

  it('writes code ids in the shape generateCodeId does', () => {
    const ours = BulkSeedIds.codeId();
    expect(ours).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(generateCodeId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
