import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter bumped by every write of a resident's code row. `GET /me/code` reads it (a narrow primary-key read)
 * and serves its per-process rendered copy while it matches, instead of reading and rendering the JSON reasons
 * on every fetch. Instant on MariaDB 10.3+ (ADD COLUMN with a default).
 */
export class ResidentCodeRevision1796596266796 implements MigrationInterface {
  name = 'ResidentCodeRevision1796596266796';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`resident_codes\` ADD \`revision\` int UNSIGNED NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`resident_codes\` DROP COLUMN \`revision\``);
  }
}
