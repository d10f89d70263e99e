// Lint: TypeScript rules plus Nx module boundaries by tag. libs never import apps; the rules engine imports
// no framework; front ends never import the API.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

import { DEP_CONSTRAINTS } from './tools/lint/src/dep-constraints.mjs';
import healthcode from './tools/lint/src/index.mjs';

const TESTS = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.fixture.ts', '**/*.fixture.tsx', '**/test/**', '**/__mocks__/**'];

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/coverage/**',
      '.test-results/**',
      'apps/miniapp/dist*/**',
      '**/*.config.*',
      '**/jest.setup.*',
      '**/babel.config.js',
      // Linted on purpose by tools/lint/src/boundaries.spec.ts: it must fail.
      'tools/lint/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.cjs', '**/*.js'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // An allowlist (tools/lint/src/dep-constraints.mjs); boundaries.spec.ts proves it is complete and bites.
          depConstraints: DEP_CONSTRAINTS,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only' },
        { object: 'describe', property: 'only' },
        { object: 'test', property: 'only' },
      ],
    },
  },
  {
    // Time comes from the injected Clock (API) or each front end's clock module.
    files: ['apps/*/src/**/*.{ts,tsx}', 'libs/*/src/**/*.ts'],
    ignores: [...TESTS, 'apps/api/src/modules/clock/**', '{apps,libs}/*/src/**/clock.ts'],
    plugins: { healthcode },
    rules: { 'healthcode/no-ambient-time': 'error' },
  },
  {
    // Every query lives in a repository; entities (and the column groups they extend, *.columns.ts), modules and
    // the database setup describe the schema.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      ...TESTS,
      '**/*.repository.ts',
      '**/*.entity.ts',
      '**/*.columns.ts',
      '**/*.module.ts',
      'apps/api/src/database/**',
    ],
    plugins: { healthcode },
    rules: { 'healthcode/orm-in-repositories': 'error' },
  },
  {
    // Logs are redacted on the log object (bootstrap/log-redaction.util), not on child loggers' bindings: the only
    // bindings are pino-http's serialized `req` and a queued job's ids (queue/job-request-context.ts, primitives).
    files: ['apps/api/src/**/*.ts'],
    ignores: [...TESTS, 'apps/api/src/modules/queue/job-request-context.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(child|setBindings|runInContext)$/]',
          message:
            'Log bindings are not redacted: put the fields in the log call (logger.info({ ... }, msg)) instead of binding them to a child logger.',
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.controller.ts'],
    plugins: { healthcode },
    rules: { 'healthcode/thin-controller': ['error', { maxStatements: 2 }] },
  },
];
