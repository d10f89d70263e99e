// `node -r test/utils/ts-require-hook.cjs src/main.ts`: runs the API's TypeScript sources directly, transpiled by
// swc with the same options as jest (jest.preset.cjs), and @healthcode/* mapped to the libraries' sources. Tests
// that spawn a real worker process use it instead of compiling the whole API with tsc first (a minute or two on a
// loaded 2-core machine, most of the time the re-score fault suites took).
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../../..');
const libs = {};
for (const lib of ['contracts', 'regions', 'rules', 'qr-token', 'seed'])
  libs[`@healthcode/${lib}`] = path.join(root, `libs/${lib}/src/index.ts`);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, libs[request] ?? request, ...rest);
};

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
