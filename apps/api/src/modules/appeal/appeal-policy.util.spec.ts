import { resolveAppealPolicy } from './appeal-policy.util';

const defaults = { firstResponseSeconds: 86400, decisionSeconds: 259200, loweringNeedsApproval: true };
const rows = [
  { regionPrefix: '33', firstResponseSeconds: 3600, decisionSeconds: 7200, loweringNeedsApproval: true },
  { regionPrefix: '3301', firstResponseSeconds: 60, decisionSeconds: 120, loweringNeedsApproval: false },
];

describe('resolveAppealPolicy', () => {
  it('takes the longest matching prefix', () => {
    expect(resolveAppealPolicy('330106', rows, defaults)).toEqual({
      firstResponseSeconds: 60,
      decisionSeconds: 120,
      loweringNeedsApproval: false,
    });
    expect(resolveAppealPolicy('330200', rows, defaults).firstResponseSeconds).toBe(3600);
  });

  it('falls back to the configured defaults', () => {
    expect(resolveAppealPolicy('420106', rows, defaults)).toEqual(defaults);
  });
});
