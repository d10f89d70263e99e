import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appeal categories per region (issue #17): a region's policy lists the categories its residents can choose
 * (null: every known one), and an appeal keeps the label its category had when it was filed.
 */
export class AppealCategories1796620200000 implements MigrationInterface {
  name = 'AppealCategories1796620200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`appeal_region_policies\` ADD \`categories\` json NULL`);
    await queryRunner.query(`ALTER TABLE \`appeals\` ADD \`category_label\` json NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`appeals\` DROP COLUMN \`category_label\``);
    await queryRunner.query(`ALTER TABLE \`appeal_region_policies\` DROP COLUMN \`categories\``);
  }
}
