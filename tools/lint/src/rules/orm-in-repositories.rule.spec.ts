import { ormInRepositories } from './orm-in-repositories.rule.mjs';
import { typescriptRuleTester } from './rule-tester.util';

typescriptRuleTester().run('orm-in-repositories', ormInRepositories, {
  valid: [
    {
      name: 'a service passes a transaction handle to repositories',
      code: `
        import type { EntityManager } from 'typeorm';
        class AuditService {
          constructor(private readonly repo: AuditRepository) {}
          append(manager: EntityManager, record: Row) { return this.repo.insert(manager, record); }
          run() { return this.repo.transaction((m) => this.append(m, row)); }
        }`,
    },
    {
      name: 'inline type imports are types only',
      code: `import { type DataSource } from 'typeorm'; export function f(db: DataSource) { return use(db); }`,
    },
    { name: 'unrelated `.query` calls', code: `const rows = await client.query('x'); const q = url.query;` },
  ],
  invalid: [
    {
      name: 'injecting the DataSource',
      code: `import { InjectDataSource } from '@nestjs/typeorm'; import type { DataSource } from 'typeorm';`,
      errors: [{ messageId: 'valueImport' }],
    },
    {
      name: 'operators such as In() are query building',
      code: `import { type EntityManager, In } from 'typeorm';`,
      errors: [{ messageId: 'valueImport' }],
    },
    {
      name: 'calling the manager a service was handed',
      code: `
        import type { EntityManager } from 'typeorm';
        async function erase(manager: EntityManager, id: string) { await manager.query('DELETE FROM x WHERE id = ?', [id]); }`,
      errors: [{ messageId: 'handleUse' }],
    },
    {
      name: 'a DataSource held as a constructor property',
      code: `
        import type { DataSource } from 'typeorm';
        class Health { constructor(private readonly db: DataSource) {} ping() { return this.db.query('SELECT 1'); } }`,
      errors: [{ messageId: 'handleUse' }],
    },
    {
      name: 'a handle declared as a class field after its use',
      code: `
        import type { DataSource } from 'typeorm';
        class Seeder { run() { return this.db.transaction(work); } private db!: DataSource; }`,
      errors: [{ messageId: 'handleUse' }],
    },
    {
      name: "reaching through a repository's manager",
      code: `const result = await this.repo.manager.transaction(async (m) => work(m));`,
      errors: [{ messageId: 'ormMember' }],
    },
    {
      name: 'getRepository and createQueryBuilder on anything',
      code: `await m.getRepository(StaffEntity).insert(row); const qb = x.createQueryBuilder('a');`,
      errors: [{ messageId: 'ormMember' }, { messageId: 'ormMember' }],
    },
  ],
});
