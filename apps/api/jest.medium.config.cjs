// Medium tier: services against the real MariaDB and Redis, one database per file.
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'api:medium',
  roots: ['<rootDir>/test/medium'],
  testRegex: '\\.medium-spec\\.ts$',
};
