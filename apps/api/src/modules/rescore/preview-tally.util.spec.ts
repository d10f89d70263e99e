import type { ScoredResident } from '../code/code-diff.util';
import { mergePreview, PreviewTally } from './preview-tally.util';

const scored = (residentId: string, color: 'green' | 'yellow' | 'red', region = '330106'): ScoredResident => ({
  residentId,
  region,
  evaluation: {
    color,
    reasons: color === 'green' ? [] : [{ ruleId: 'medium-risk-region' }],
    greenAt: null,
  } as unknown as ScoredResident['evaluation'],
});

describe('PreviewTally', () => {
  it('counts a group of residents scored alike as many changes, with one sample', () => {
    const tally = new PreviewTally('run-1');
    tally.add(scored('a', 'yellow'), 'green', 40);
    tally.add(scored('b', 'yellow'), 'yellow', 7);
    tally.add(scored('c', 'red', '420103'), undefined);
    tally.add(scored('d', 'red'), 'green', 0);
    const slice = tally.toJSON();
    expect(tally.changed).toBe(41);
    expect(slice.transitions).toEqual({ 'green>yellow': 40, 'none>red': 1 });
    expect(slice.regions).toEqual({ '330106': 40, '420103': 1 });
    expect(slice.samples.map((s) => [s.from, s.to])).toEqual([
      ['green', 'yellow'],
      [null, 'red'],
    ]);
    expect(mergePreview([slice, slice]).transitions).toEqual([
      { from: 'green', to: 'yellow', count: 80 },
      { from: null, to: 'red', count: 2 },
    ]);
  });
});
