module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'code-view',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
