import path from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import devConfig from './dev';
import prodConfig from './prod';

const repoRoot = path.resolve(__dirname, '../../..');
const libsRoot = path.join(repoRoot, 'libs');

/** Shared libs are TypeScript sources outside `src/`: Taro compiles them only when listed here and aliased. */
const libAliases = {
  '@healthcode/contracts': path.join(libsRoot, 'contracts/src/index.ts'),
  '@healthcode/regions': path.join(libsRoot, 'regions/src/index.ts'),
  '@healthcode/code-view': path.join(libsRoot, 'code-view/src/index.ts'),
  '@healthcode/qr-token': path.join(libsRoot, 'qr-token/src/index.ts'),
};

/** Mini-programs call the API on an absolute host; H5 is served from the API's own origin and ignores this. */
const apiBase = process.env.API_BASE || 'https://healthcode.example.gov.cn';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'healthcode',
    date: '2020-2-10',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: libAliases,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [libsRoot] },
      postcss: {
        // Sizes are CSS px everywhere, so 44 px touch targets stay 44 px on a 320 px screen.
        pxtransform: { enable: false, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [libsRoot] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of the
      // shared components; 'all' moves code used by two or more pages into shared chunks (of 20 kB or
      // more: smaller shared bits are cheaper duplicated than fetched as one more file).
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20_000 });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: false, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
