import { Initial1795947545338 } from './1795947545338-Initial';

// Order matters: TypeORM runs them in this order on an empty database.
export const MIGRATIONS = [Initial1795947545338];
