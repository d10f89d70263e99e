// Redis Cluster tier (`npm run test:cluster -w @healthcode/api`, and a step of `npm test`): the re-score fault cases
// on a real 3-master Redis Cluster started from the installed redis-server. See docs/SCALING.md, "Redis Cluster".
module.exports = {
  ...require('./jest.config.cjs'),
  displayName: 'api:cluster',
  roots: ['<rootDir>/test/e2e'],
  testRegex: '\\.cluster-spec\\.ts$',
};
