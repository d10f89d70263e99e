// Browser tests: the built API (serving the built console and H5 app) on a scratch database, driven by Debian's Chromium.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testRegex: '\\.e2e\\.spec\\.ts$',
  testTimeout: 600000,
  maxWorkers: 1,
};
