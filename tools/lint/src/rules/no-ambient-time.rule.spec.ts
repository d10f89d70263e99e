import { noAmbientTime } from './no-ambient-time.rule.mjs';
import { typescriptRuleTester } from './rule-tester.util';

typescriptRuleTester().run('no-ambient-time', noAmbientTime, {
  valid: [
    { code: 'const at = this.clock.now();' },
    { code: 'const d = new Date(row.createdAt);' },
    { code: "const d = new Date('2026-01-01T00:00:00Z');" },
    { code: 'const ms = d.getTime() + Date.UTC(2026, 0, 1);' },
    { code: "import { Date } from './fake-date'; const d = new Date(); const t = Date.now();" },
    { code: 'function f(Date: { now(): number }) { return Date.now(); }' },
  ],
  invalid: [
    { code: 'const d = new Date();', errors: [{ messageId: 'newDate' }] },
    { code: 'const d = new Date;', errors: [{ messageId: 'newDate' }] },
    { code: 'const t = Date.now();', errors: [{ messageId: 'dateNow' }] },
    { code: 'const elapsed = Date.now() - started;', errors: [{ messageId: 'dateNow' }] },
    { code: 'function f(now = new Date()) { return now; }', errors: [{ messageId: 'newDate' }] },
    { code: 'const clock = { now: Date.now };', errors: [{ messageId: 'dateNow' }] },
  ],
});
