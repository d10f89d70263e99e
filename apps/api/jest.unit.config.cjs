// Unit tier: specs beside the code, no MariaDB, no Redis, no network (`npm run test:unit` needs neither).
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'api:unit',
  roots: ['<rootDir>/src'],
  testRegex: '\\.spec\\.ts$',
  testTimeout: 20000,
};
