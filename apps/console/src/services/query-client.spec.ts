import { shouldRetry } from './query-client';
import { ApiRequestError, NetworkError } from './request-error';

const apiFailure = (statusCode: number) =>
  new ApiRequestError({ statusCode, code: 'INTERNAL' as never, message: '' }, true);

describe('shouldRetry', () => {
  it('retries transient failures twice', () => {
    expect(shouldRetry(0, new NetworkError('down'))).toBe(true);
    expect(shouldRetry(1, apiFailure(503))).toBe(true);
    expect(shouldRetry(2, apiFailure(503))).toBe(false);
  });

  it('never retries a 4xx', () => {
    expect(shouldRetry(0, apiFailure(403))).toBe(false);
    expect(shouldRetry(0, apiFailure(404))).toBe(false);
  });
});
