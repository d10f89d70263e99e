import { APPEAL_STATUSES, type AppealStatus } from '@healthcode/contracts';

import {
  APPEAL_EVENTS,
  type AppealEvent,
  canTransition,
  IllegalAppealTransition,
  nextAppealStatus,
} from './appeal-state-machine';

/** Every (state, event) pair, spelled out: a change to the lifecycle must change this table. */
const EXPECTED: Record<AppealStatus, Partial<Record<AppealEvent, AppealStatus>>> = {
  submitted: { assign: 'assigned', withdraw: 'closed' },
  assigned: { 'start-review': 'in-review', 'request-info': 'needs-info', withdraw: 'closed' },
  'in-review': { 'request-info': 'needs-info', decide: 'decided', withdraw: 'closed' },
  'needs-info': { 'provide-info': 'in-review', withdraw: 'closed' },
  decided: { close: 'closed', 'refuse-approval': 'in-review' },
  closed: {},
};

describe('appeal state machine', () => {
  for (const status of APPEAL_STATUSES) {
    for (const event of APPEAL_EVENTS) {
      const to = EXPECTED[status][event];
      if (to) {
        it(`${status} --${event}--> ${to}`, () => {
          expect(canTransition(status, event)).toBe(true);
          expect(nextAppealStatus(status, event)).toBe(to);
        });
      } else {
        it(`${status} refuses ${event}, naming the current state`, () => {
          expect(canTransition(status, event)).toBe(false);
          expect(() => nextAppealStatus(status, event)).toThrow(IllegalAppealTransition);
          expect(() => nextAppealStatus(status, event)).toThrow(`This appeal is ${status}`);
        });
      }
    }
  }

  it('walks the whole story', () => {
    const path: AppealEvent[] = ['assign', 'request-info', 'provide-info', 'decide', 'close'];
    expect(path.reduce<AppealStatus>((s, e) => nextAppealStatus(s, e), 'submitted')).toBe('closed');
  });
});
