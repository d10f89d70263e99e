import { ApiErrorCode, type FieldError } from '@healthcode/contracts';

import { DomainException } from '../../common/domain.exception';

export const ruleSetNotFound = () => new DomainException(ApiErrorCode.NotFound, 'No such rule set');
export const publishedIsImmutable = () =>
  new DomainException(ApiErrorCode.IllegalTransition, 'A published rule set never changes: create a new draft instead');
export const outOfScope = (paths: string[]) =>
  new DomainException(
    ApiErrorCode.OutOfScope,
    'You may change only regional overrides inside your own region scope',
    paths.map((path) => ({ path, message: 'Outside your region scope' })),
  );
export const invalidRuleSet = (errors: FieldError[]) =>
  new DomainException(
    ApiErrorCode.ValidationFailed,
    `The rule set is not valid: ${errors[0]?.path ?? ''} ${errors[0]?.message ?? ''}`.trim(),
    errors,
  );
