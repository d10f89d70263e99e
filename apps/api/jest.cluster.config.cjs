// Redis Cluster tier (`npm run test:cluster -w @healthcode/api`): the re-score fault cases on a real 3-master
// Redis Cluster started from the installed redis-server. Not yet in `npm test`: see docs/SCALING.md, "Redis Cluster".
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'api:cluster',
  roots: ['<rootDir>/test/e2e'],
  testRegex: '\\.cluster-spec\\.ts$',
};
