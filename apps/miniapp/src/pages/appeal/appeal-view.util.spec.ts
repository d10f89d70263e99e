import type { AppealView } from '@healthcode/contracts';

import { decisionEffect, openInfoRequest, timelineInOrder } from './appeal-view.util';

const base = {
  number: 4,
  status: 'needs-info',
  timeline: [
    {
      at: '2020-02-10T02:00:00Z',
      type: 'submitted',
      actor: 'resident',
      status: 'submitted',
      message: 'statement',
      evidence: [],
    },
    {
      at: '2020-02-10T03:00:00Z',
      type: 'info-requested',
      actor: 'staff',
      status: 'needs-info',
      message: 'Old question',
      evidence: [],
    },
    {
      at: '2020-02-10T05:00:00Z',
      type: 'info-requested',
      actor: 'staff',
      status: 'needs-info',
      message: 'Send the stamped letter',
      evidence: [],
    },
    {
      at: '2020-02-10T04:00:00Z',
      type: 'info-provided',
      actor: 'resident',
      status: 'in-review',
      message: 'Here',
      evidence: [],
    },
  ],
  decision: null,
} as unknown as AppealView;

describe('appeal view', () => {
  it('shows the latest question only while the appeal needs information', () => {
    expect(openInfoRequest(base)?.message).toBe('Send the stamped letter');
    expect(openInfoRequest({ ...base, status: 'in-review' })).toBeNull();
  });

  it('orders the timeline oldest first', () => {
    expect(timelineInOrder(base).map((e) => e.at.slice(11, 13))).toEqual(['02', '03', '04', '05']);
  });

  it('says whether a colour override waits for a second person', () => {
    const decided = (approval: string, override: unknown) =>
      ({
        ...base,
        decision: { outcome: 'corrected', reason: 'r', override, approval, factCorrected: false, decidedAt: '' },
      }) as unknown as AppealView;
    expect(decisionEffect(base)).toBe('none');
    expect(decisionEffect(decided('pending', { color: 'green', until: '2020-03-01' }))).toBe('pending-approval');
    expect(decisionEffect(decided('approved', { color: 'green', until: '2020-03-01' }))).toBe('applied');
    expect(decisionEffect(decided('refused', { color: 'green', until: '2020-03-01' }))).toBe('refused');
    expect(decisionEffect(decided('not-needed', null))).toBe('none');
  });
});
