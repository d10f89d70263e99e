import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sender claims an outbox row before sending it (issue #17): `version` is bumped by every colour change folded
 * into the row and by the claim; `claimed_at` lets a row claimed by a worker that died be claimed again.
 */
export class NotificationClaim1796610100000 implements MigrationInterface {
  name = 'NotificationClaim1796610100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` ADD \`version\` int UNSIGNED NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` ADD \`claimed_at\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` DROP COLUMN \`claimed_at\``);
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` DROP COLUMN \`version\``);
  }
}
