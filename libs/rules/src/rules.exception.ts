export type RulesExceptionCode =
  'INVALID_FACT' | 'INVALID_RISK_LEVEL' | 'INVALID_RULE_SET' | 'INVALID_NOW' | 'INVALID_REGION';

/**
 * Thrown on input the engine refuses to guess about. Messages name a field path, never
 * a value: facts are personal data and errors end up in logs.
 */
export class RulesException extends Error {
  constructor(
    message: string,
    readonly code: RulesExceptionCode,
  ) {
    super(message);
    this.name = 'RulesException';
  }
}
