import type { TFunction } from 'i18next';

import { isApiRequestError, NETWORK_ERROR } from './api-request-error';

/** What to tell the resident about a failure: the API's own message whenever there is one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiRequestError(error) && error.code === 'ID_NUMBER_TAKEN') return t('verify.idNumberTaken');
  if (isApiRequestError(error)) return error.code === NETWORK_ERROR ? t('common.networkError') : error.message;
  return t('common.unexpectedError');
}
