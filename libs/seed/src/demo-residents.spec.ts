import { isValidResidentId } from '@healthcode/contracts';

import { demoResidents } from './demo-residents';

describe('demoResidents', () => {
  const now = new Date('2020-02-20T02:00:00Z');
  it('is deterministic and uses valid ID numbers', () => {
    const a = demoResidents(now, 30);
    expect(demoResidents(now, 30)).toEqual(a);
    expect(a.every((r) => isValidResidentId(r.idNumber, now))).toBe(true);
    expect(new Set(a.map((r) => r.hostUser)).size).toBe(30);
    expect(a[0].hostUser).toBe('demo');
  });
  it('covers high-risk stays, medium-risk stays and symptoms', () => {
    const a = demoResidents(now, 10);
    expect(a.some((r) => r.stays.some((s) => s.region === '420103'))).toBe(true);
    expect(a.some((r) => r.stays.some((s) => s.region === '330302'))).toBe(true);
    expect(a.some((r) => r.symptoms.length > 0)).toBe(true);
  });
});
