// Small specs sit beside the code (src/**/*.spec.ts); medium specs run services on a real MariaDB/Redis
// (test/medium); e2e specs boot the whole HTTP app (test/e2e). Each file gets its own database.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testTimeout: 60000,
  maxWorkers: 2,
  testRegex: '(\\.|-)spec\\.ts$',
};
