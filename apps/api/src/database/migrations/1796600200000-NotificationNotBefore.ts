import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Colour-change messages wait for their window (issue #17): a row is not sent before `not_before`. */
export class NotificationNotBefore1796600200000 implements MigrationInterface {
  name = 'NotificationNotBefore1796600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` ADD \`not_before\` datetime(3) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification_outbox\` DROP COLUMN \`not_before\``);
  }
}
