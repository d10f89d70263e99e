import { createDataSource } from '../../src/database/data-source.util';
import { pendingSchemaChanges, withScratchDatabase } from '../../src/database/scratch-database.util';
import { BASE_DATABASE_URL } from '../utils/test-app';

describe('migrations', () => {
  it('bring an empty database exactly to what the entities describe (no drift)', async () => {
    const { up } = await withScratchDatabase(BASE_DATABASE_URL, pendingSchemaChanges, 'hc_drift');
    expect(up).toEqual([]);
  });

  it('revert the newest migration and apply it again with no drift (its down undoes exactly its up)', async () => {
    const { up, reverted } = await withScratchDatabase(
      BASE_DATABASE_URL,
      async (url) => {
        const ds = createDataSource(url, 2);
        await ds.initialize();
        try {
          await ds.runMigrations({ transaction: 'each' });
          await ds.undoLastMigration({ transaction: 'each' });
          const [again] = await ds.runMigrations({ transaction: 'each' });
          const log = await ds.driver.createSchemaBuilder().log();
          return { up: log.upQueries.map((q) => q.query), reverted: again?.name };
        } finally {
          await ds.destroy();
        }
      },
      'hc_drift',
    );
    expect(reverted).toBeDefined();
    expect(up).toEqual([]);
  });
});
