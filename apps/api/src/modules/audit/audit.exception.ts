export enum AuditErrorCode {
  PersonalDataInDetails = 'PERSONAL_DATA_IN_DETAILS',
  InvalidEntry = 'INVALID_ENTRY',
  NoTransaction = 'NO_TRANSACTION',
}

/**
 * A caller of `AuditService.record` broke the contract (a programming error, never a user's): the change
 * it was recording is rolled back with it. Messages name the offending field, never its value.
 */
export class AuditException extends Error {
  constructor(
    readonly code: AuditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuditException';
  }
}
