import { appealStats } from './appeal-stats.util';
import type { AppealDecision } from './appeal.entity';

const at = (h: number) => new Date(Date.UTC(2026, 10, 1) + h * 3_600_000);
const decision = (outcome: AppealDecision['outcome']) => ({ outcome }) as AppealDecision;

describe('appealStats', () => {
  it('is empty before any decision', () => {
    expect(appealStats([])).toEqual({
      decided: 0,
      medianHoursToDecision: null,
      decidedWithinDeadline: null,
      overturnRateByRule: [],
    });
  });

  it('computes the median, the share within deadline and the overturn rate per rule', () => {
    const stats = appealStats([
      { ruleId: 'case', submittedAt: at(0), decidedAt: at(10), decisionDueAt: at(72), decision: decision('upheld') },
      { ruleId: 'case', submittedAt: at(0), decidedAt: at(80), decisionDueAt: at(72), decision: decision('rejected') },
      {
        ruleId: 'symptoms',
        submittedAt: at(0),
        decidedAt: at(20),
        decisionDueAt: at(72),
        decision: decision('corrected'),
      },
      { ruleId: 'symptoms', submittedAt: at(0), decidedAt: null, decisionDueAt: at(72), decision: null },
    ]);
    expect(stats).toEqual({
      decided: 3,
      medianHoursToDecision: 20,
      decidedWithinDeadline: 0.6667,
      overturnRateByRule: [
        { ruleId: 'case', decided: 2, overturned: 1, rate: 0.5 },
        { ruleId: 'symptoms', decided: 1, overturned: 1, rate: 1 },
      ],
    });
  });
});
