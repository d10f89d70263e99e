import { isValidResidentId } from '@healthcode/contracts';

import { bulkResidents } from './bulk-residents';

describe('bulkResidents', () => {
  const now = new Date('2026-11-20T02:00:00Z');
  it('is deterministic, with unique valid ID numbers', () => {
    const a = [...bulkResidents(now, 2000)];
    expect([...bulkResidents(now, 2000)]).toEqual(a);
    expect(new Set(a.map((r) => r.idNumber)).size).toBe(2000);
    expect(a.every((r) => isValidResidentId(r.idNumber, now))).toBe(true);
  });
  it('puts about 30% in Hangzhou and a few with risky stays or symptoms', () => {
    const a = [...bulkResidents(now, 5000)];
    const share = a.filter((r) => r.currentRegion.startsWith('3301')).length / a.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
    expect(a.some((r) => r.stays[0].region === '420103')).toBe(true);
    expect(a.some((r) => r.symptoms.length > 0)).toBe(true);
  });
  it('continues a sequence from an offset', () => {
    expect([...bulkResidents(now, 3, 2020, 5)]).toEqual([...bulkResidents(now, 8)].slice(5));
  });
});
