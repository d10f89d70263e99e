// E2e tier: the whole HTTP app (and built worker processes) against the real MariaDB and Redis.
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'api:e2e',
  roots: ['<rootDir>/test/e2e'],
  testRegex: '\\.e2e-spec\\.ts$',
};
