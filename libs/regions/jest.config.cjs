module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'regions',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
};
