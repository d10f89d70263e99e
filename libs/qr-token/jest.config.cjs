const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'qr-token',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  // Shared fixtures live in __tests__ beside the specs but hold no tests themselves.
  testPathIgnorePatterns: [...preset.testPathIgnorePatterns, '\\.fixture\\.ts$'],
};
