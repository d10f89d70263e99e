import { pendingSchemaChanges, withScratchDatabase } from '../../src/database/scratch-database.util';
import { BASE_DATABASE_URL } from '../utils/test-app';

describe('migrations', () => {
  it('bring an empty database exactly to what the entities describe (no drift)', async () => {
    const { up } = await withScratchDatabase(BASE_DATABASE_URL, pendingSchemaChanges, 'hc_drift');
    expect(up).toEqual([]);
  });
});
