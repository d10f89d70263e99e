import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The hash and time of every signed erasure receipt (nothing about the resident). */
export class ErasureReceipts1796595473100 implements MigrationInterface {
  name = 'ErasureReceipts1796595473100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`erasure_receipts\` (\`digest\` binary(32) NOT NULL, \`erased_at\` datetime(3) NOT NULL, PRIMARY KEY (\`digest\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`erasure_receipts\``);
  }
}
