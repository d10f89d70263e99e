/** Queue and job names, shared by producers (API) and consumers (worker). */
export const MAINTENANCE_QUEUE = 'maintenance';
export const EXPIRE_CODES_JOB = 'expire-codes';
