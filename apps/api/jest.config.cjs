// Every tier of the API's tests. Small specs sit beside the code (src/**/*.spec.ts) and need no database;
// medium specs run services on a real MariaDB/Redis (test/medium); e2e specs boot the whole HTTP app (test/e2e).
// Each tier is its own config and Nx target (test, test:medium, test:e2e); this one runs them all together.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testTimeout: 60000,
  maxWorkers: 2,
  testRegex: '(\\.|-)spec\\.ts$',
};
