// The tests here that need no browser, database or server (the module-boundary lint probes).
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'e2e:unit',
  testRegex: '(?<!\\.e2e)\\.spec\\.ts$',
  testTimeout: 120000,
};
