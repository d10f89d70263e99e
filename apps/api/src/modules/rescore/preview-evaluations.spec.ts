import type { ScoredResident } from '../code/code-diff.util';
import { PreviewEvaluations } from './preview-evaluations';

const scored = (residentId: string) => ({ residentId, region: '330106' }) as unknown as ScoredResident;

describe('PreviewEvaluations', () => {
  it("shares one run's evaluations between its ranges", () => {
    const held = new PreviewEvaluations();
    held.forRun('run-1').set('key', scored('a'));
    expect(held.forRun('run-1').get('key')).toEqual(scored('a'));
  });

  it("never hands one run's evaluations to another run (other rules, another instant)", () => {
    const held = new PreviewEvaluations();
    held.forRun('run-1').set('key', scored('a'));
    expect(held.forRun('run-2').get('key')).toBeUndefined();
    // Run 1 again (its ranges interleaved with run 2's): evaluated afresh, never run 2's.
    held.forRun('run-2').set('key', scored('b'));
    expect(held.forRun('run-1').get('key')).toBeUndefined();
  });

  it('holds nothing once cleared (a re-score started in this process)', () => {
    const held = new PreviewEvaluations();
    held.forRun('run-1').set('key', scored('a'));
    held.clear();
    expect(held.forRun('run-1').size).toBe(0);
  });
});
