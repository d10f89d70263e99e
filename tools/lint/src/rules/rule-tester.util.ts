import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';

/** A RuleTester that parses TypeScript with decorators, as the repository's own lint does. */
export function typescriptRuleTester(): RuleTester {
  return new RuleTester({ languageOptions: { parser: tseslint.parser as never, sourceType: 'module' } });
}
