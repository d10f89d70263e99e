import { rescoreResilienceSuite } from '../utils/rescore-resilience.cases';

// REDIS_CLUSTER_NODES: the same fault cases with every Redis use (Bull queues, rate limits, the heartbeat, the
// tests' own reads) on a real 3-master Redis Cluster started from the installed redis-server.
// Lost keys and retried jobs do not depend on the Redis topology; they run on single Redis only (CI time).
rescoreResilienceSuite('mass re-scoring on a Redis Cluster survives a killed worker and two workers', {
  cluster: true,
  cases: ['worker-sigkill', 'two-workers'],
});
