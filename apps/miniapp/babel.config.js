// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// jest reuses this file (NODE_ENV=test switches the preset to CommonJS modules and node targets).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
