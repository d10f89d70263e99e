import { pendingSchemaChanges, withScratchDatabase } from '../../src/database/scratch-database.util';
import { withScratchDataSource } from '../utils/scratch-data-source';
import { BASE_DATABASE_URL } from '../utils/test-app';

describe('migrations', () => {
  it('bring an empty database exactly to what the entities describe (no drift)', async () => {
    const { up } = await withScratchDatabase(BASE_DATABASE_URL, pendingSchemaChanges, 'hc_drift');
    expect(up).toEqual([]);
  });

  it('revert the newest migration and apply it again with no drift (its down undoes exactly its up)', async () => {
    const { up, reverted } = await withScratchDataSource(
      async (ds) => {
        await ds.runMigrations({ transaction: 'each' });
        await ds.undoLastMigration({ transaction: 'each' });
        const [again] = await ds.runMigrations({ transaction: 'each' });
        const log = await ds.driver.createSchemaBuilder().log();
        return { up: log.upQueries.map((q) => q.query), reverted: again?.name };
      },
      { prefix: 'hc_drift' },
    );
    expect(reverted).toBeDefined();
    expect(up).toEqual([]);
  });
});
