import { ApiErrorCode } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';
import { assertMayDecide } from './staff-decision.util';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainException ? error.code : 'other';
  }
};

describe('assertMayDecide', () => {
  it('lets another staff member decide a pending request', () => {
    expect(codeOf(() => assertMayDecide({ requestedBy: 'a', status: 'pending' }, { staffId: 'b' }))).toBeNull();
  });

  it('refuses the filer, before anything else', () => {
    expect(codeOf(() => assertMayDecide({ requestedBy: 'a', status: 'approved' }, { staffId: 'a' }))).toBe(
      ApiErrorCode.Forbidden,
    );
  });

  it('refuses a request already decided', () => {
    expect(codeOf(() => assertMayDecide({ requestedBy: 'a', status: 'refused' }, { staffId: 'b' }))).toBe(
      ApiErrorCode.IllegalTransition,
    );
  });
});
