/** Jobs on the maintenance queue (MAINTENANCE_QUEUE) owned by the retention module. */
export const RETENTION_PURGE_JOB = 'retention-purge';
