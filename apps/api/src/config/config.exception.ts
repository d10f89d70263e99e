/** A setting is missing or wrong: start-up prints only this one line, naming the variable. */
export class ConfigException extends Error {
  constructor(
    readonly variable: string,
    readonly expectation: string,
  ) {
    super(`${variable}: expected ${expectation}`);
    this.name = 'ConfigException';
  }
}
