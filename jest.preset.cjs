// Shared jest settings: swc transpiles TypeScript (type-checking is its own `typecheck` target),
// workspace aliases resolve to library sources, and ESM-only packages are transformed.
const path = require('node:path');
const root = __dirname;

const esmPackages = [
  '@nestjs',
  'cookie',
  'content-disposition',
  'jose',
  'uuid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  '@borewit',
  'otplib',
  '@otplib',
  '@noble',
  '@scure',
  'csv-parse',
  'fast-check',
  'pure-rand',
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@healthcode/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@healthcode/regions$': path.join(root, 'libs/regions/src/index.ts'),
    '^@healthcode/code-view$': path.join(root, 'libs/code-view/src/index.ts'),
    '^@healthcode/rules$': path.join(root, 'libs/rules/src/index.ts'),
    '^@healthcode/qr-token$': path.join(root, 'libs/qr-token/src/index.ts'),
    '^@healthcode/seed$': path.join(root, 'libs/seed/src/index.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
