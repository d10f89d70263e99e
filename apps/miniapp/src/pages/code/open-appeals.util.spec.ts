import type { AppealView } from '@healthcode/contracts';

import { openAppealsByReason } from './open-appeals.util';

const appeal = (number: number, reasonKey: string, status: string, submittedAt: string) =>
  ({ number, reasonKey, status, submittedAt }) as AppealView;

describe('open appeals by reason', () => {
  it('keeps the newest unfinished appeal of each reason', () => {
    const open = openAppealsByReason([
      appeal(3, 'a', 'in-review', '2020-02-03T00:00:00Z'),
      appeal(1, 'a', 'closed', '2020-02-01T00:00:00Z'),
      appeal(2, 'b', 'decided', '2020-02-02T00:00:00Z'),
      appeal(4, 'c', 'needs-info', '2020-02-04T00:00:00Z'),
    ]);
    expect([...open.entries()].map(([k, v]) => [k, v.number])).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
