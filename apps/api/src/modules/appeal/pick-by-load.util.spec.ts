import { pickByLoad } from './pick-by-load.util';

const agents = [
  { id: 'hz-busy', regionScope: '3301', open: 3 },
  { id: 'hz-idle', regionScope: '3301', open: 0 },
  { id: 'wh', regionScope: '4201', open: 0 },
  { id: 'zj', regionScope: '33', open: 1 },
];

describe('pickByLoad', () => {
  it('only picks staff whose scope covers the region', () => {
    for (let i = 0; i < 50; i++) expect(pickByLoad(agents, '330106', () => i / 50)?.id).not.toBe('wh');
    expect(pickByLoad(agents, '110101')).toBeNull();
    expect(pickByLoad([{ id: 'all', regionScope: '', open: 9 }], '110101')?.id).toBe('all');
  });

  it('weights by 1 / (1 + open load)', () => {
    const counts: Record<string, number> = {};
    const n = 7000;
    for (let i = 0; i < n; i++) {
      const id = pickByLoad(agents, '330106', () => (i + 0.5) / n)?.id as string;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    // weights 1/4, 1, 1/2 → shares 1/7, 4/7, 2/7
    expect(counts['hz-busy']).toBe(1000);
    expect(counts['hz-idle']).toBe(4000);
    expect(counts.zj).toBe(2000);
  });
});
