module.exports = { ...require('../../jest.preset.cjs'), displayName: 'qr-token', rootDir: __dirname, roots: ['<rootDir>/src'] };
