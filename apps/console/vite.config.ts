import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const devPort = Number(process.env.CONSOLE_DEV_PORT ?? 5273);
const apiTarget = `http://127.0.0.1:${process.env.PORT ?? 8080}`;

/**
 * Vendor chunks. React and its routing/data libraries change rarely, so they are cached apart from the
 * app; echarts only ever loads with the dashboard. antd is left to automatic splitting: the entry keeps
 * what every screen needs (ConfigProvider, App, Result, Spin) and each page chunk brings its own widgets,
 * so the first screen does not download every antd component the console uses. React goes first:
 * groups pull their dependencies in, and echarts-for-react would otherwise drag React into the echarts chunk.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 30 },
  { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 25 },
  {
    name: 'echarts',
    test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|tslib)[\\/]/,
    priority: 20,
  },
  // The styling engine and utilities every antd component needs; the components themselves split by page.
  {
    name: 'antd-core',
    test: /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@rc-component[\\/]util|stylis|@emotion|@babel[\\/]runtime|clsx)[\\/]/,
    priority: 10,
  },
];

/**
 * The shared libs are plain declarations (constants, zod schemas, lookup functions) but carry no
 * `sideEffects` flag; without this, importing one enum from @healthcode/contracts would ship zod and the
 * region tables to every screen.
 */
const sideEffectFreeSources = /[\\/]libs[\\/](contracts|regions|rules)[\\/]src[\\/]/;

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: {
      '@healthcode/contracts': here('../../libs/contracts/src/index.ts'),
      '@healthcode/code-view': here('../../libs/code-view/src/index.ts'),
      '@healthcode/regions': here('../../libs/regions/src/index.ts'),
      '@healthcode/rules': here('../../libs/rules/src/index.ts'),
    },
  },
  server: {
    host: '127.0.0.1',
    port: devPort,
    strictPort: true,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: devPort + 1, strictPort: true },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // Read by scripts/report-initial-size.mjs to measure what each screen downloads.
    manifest: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id: string) => !sideEffectFreeSources.test(id) },
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
