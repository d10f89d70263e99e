import { rescoreResilienceSuite } from '../utils/rescore-resilience.cases';

rescoreResilienceSuite('mass re-scoring survives worker crashes, Redis loss, several workers and retries', {
  cluster: false,
  cases: ['worker-sigkill', 'redis-keys-deleted', 'two-workers', 'job-retried'],
});
