/** Why a re-scoring job can never succeed however often it is retried: the processor discards it. */
export enum RescoreFailureCode {
  RunNotFound = 'RUN_NOT_FOUND',
  InvalidRules = 'INVALID_RULES',
}

export class RescoreDiscardException extends Error {
  constructor(
    readonly code: RescoreFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'RescoreDiscardException';
  }
}
