export { BULK_RISK_LEVELS, bulkResidents, HANGZHOU_DISTRICTS, type BulkResident } from './bulk-residents';
export { DEMO_RISK_LEVELS, demoResidents, type DemoResident } from './demo-residents';
export { prng } from './prng.util';
export type { SeedResident } from './seed-resident.model';
