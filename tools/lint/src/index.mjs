// healthcode's own lint rules, used by the root eslint.config.mjs as the `healthcode` plugin.
import { noAmbientTime } from './rules/no-ambient-time.rule.mjs';
import { ormInRepositories } from './rules/orm-in-repositories.rule.mjs';
import { thinController } from './rules/thin-controller.rule.mjs';

export default {
  meta: { name: '@healthcode/lint' },
  rules: {
    'no-ambient-time': noAmbientTime,
    'orm-in-repositories': ormInRepositories,
    'thin-controller': thinController,
  },
};
