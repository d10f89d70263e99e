import { rescoreResilienceSuite } from '../utils/rescore-resilience.cases';

// REDIS_CLUSTER_NODES: the same fault cases with every Redis use (Bull queues, rate limits, the heartbeat, the
// tests' own reads) on a real 3-master Redis Cluster started from the installed redis-server.
// Lost keys and retried jobs do not depend on the Redis topology; they run on single Redis only. What the Cluster
// changes is Bull's traffic (hash-tagged keys, blocking and subscriber clients, reconnection), not the volume: 600
// residents in ranges of 20 (30 jobs per run) exercise it as well as 2,000 in 40, at a third of the checking time.
rescoreResilienceSuite('mass re-scoring on a Redis Cluster survives a killed worker and two workers', {
  cluster: true,
  cases: ['worker-sigkill', 'two-workers'],
  residents: 600,
  rangeSize: 20,
});
