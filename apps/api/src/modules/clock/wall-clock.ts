/**
 * The machine's clock, for the few readings that must agree with times stamped outside the injected Clock:
 * session tokens (signed with node:crypto) and ticket tokens (jose) carry wall-clock `iat`/`exp`. Domain decisions
 * (colours, deadlines, retention) never use this: they take "now" from Clock.
 */
export const wallClock = {
  now: (): Date => new Date(),
  epochSeconds: (): number => Math.floor(Date.now() / 1000),
};
