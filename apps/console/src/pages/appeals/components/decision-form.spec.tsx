import dayjs from 'dayjs';

import { toDecisionRequest } from './decision-form';

describe('toDecisionRequest', () => {
  it('sends the emergency flag only on a corrected decision that asks for it', () => {
    const until = dayjs('2026-12-20');
    const base = {
      outcome: 'corrected' as const,
      reason: '  Positive test confirmed today.  ',
      color: 'red' as const,
      until,
    };
    expect(toDecisionRequest({ ...base, emergency: true })).toEqual({
      outcome: 'corrected',
      reason: 'Positive test confirmed today.',
      override: { color: 'red', until: '2026-12-20' },
      emergency: true,
    });
    expect(toDecisionRequest(base)).not.toHaveProperty('emergency');
    expect(toDecisionRequest({ outcome: 'upheld', reason: 'The record is right.', emergency: true })).toEqual({
      outcome: 'upheld',
      reason: 'The record is right.',
    });
  });
});
