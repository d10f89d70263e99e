// Unit tests run through babel-jest with the app's own babel config (as the Taro build does).
// `@tarojs/test-utils-react` does not work with Taro 4, so `@tarojs/taro` and `@tarojs/components`
// are replaced by small local fakes (test/taro.fake.ts, test/components.mock.tsx).
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');

module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro.fake.ts',
    '^@tarojs/components$': '<rootDir>/test/components.mock.tsx',
    '^@healthcode/contracts$': path.join(repoRoot, 'libs/contracts/src/index.ts'),
    '^@healthcode/regions$': path.join(repoRoot, 'libs/regions/src/index.ts'),
    '^@healthcode/code-view$': path.join(repoRoot, 'libs/code-view/src/index.ts'),
    '^@healthcode/qr-token$': path.join(repoRoot, 'libs/qr-token/src/index.ts'),
    '\\.css$': '<rootDir>/test/style.mock.ts',
  },
  globals: { API_BASE: 'https://healthcode.example.gov.cn' },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // jose (through @healthcode/qr-token, for checkpoint mode) ships ES modules only.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
