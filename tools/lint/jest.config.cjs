module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'lint',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
