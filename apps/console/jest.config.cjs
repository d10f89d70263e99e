// Component tests run in jsdom. swc only transpiles: type-checking is the `typecheck` script.
const preset = require('../../jest.preset.cjs');

// ESM-only packages the console pulls in; jest needs them transpiled to CommonJS.
const esmPackages = ['echarts', 'zrender', 'echarts-for-react', 'size-sensor'];

module.exports = {
  ...preset,
  displayName: 'console',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.(css|less)$': 'identity-obj-proxy',
    // Source imports antd's ES build for tree-shaking; jest runs its CommonJS twin.
    '^antd/es/(.*)$': 'antd/lib/$1',
    // @ant-design/icons' CommonJS build requires this ES file (upstream packaging slip).
    '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
  },
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  // Whole-app renders with user-event typing take seconds each when suites run in parallel on two cores.
  testTimeout: 30_000,
};
