/**
 * Thrown by `signCodeToken` for claims it refuses to sign. The message names the offending claim,
 * never its value: values could be personal data that a caller put in by mistake.
 */
export class InvalidCodeTokenClaimsException extends Error {
  constructor(
    readonly claim: string,
    reason: string,
  ) {
    super(`Invalid code token claim "${claim}": ${reason}`);
    this.name = 'InvalidCodeTokenClaimsException';
  }
}
