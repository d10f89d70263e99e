import { rescoreResilienceSuite } from '../utils/rescore-resilience.cases';

// REDIS_CLUSTER_NODES: the same fault cases with every Redis use (Bull queues, rate limits, the heartbeat, the
// tests' own reads) on a real 3-master Redis Cluster started from the installed redis-server.
rescoreResilienceSuite('mass re-scoring on a Redis Cluster survives a killed worker, lost keys and two workers', {
  cluster: true,
  cases: ['worker-sigkill', 'redis-keys-deleted', 'two-workers'],
});
