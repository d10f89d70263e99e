import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A mistaken region risk level can be retracted: the row stays (history keeps both), marked with who and why. */
export class RiskLevelRetraction1796596277249 implements MigrationInterface {
  name = 'RiskLevelRetraction1796596277249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`region_risk_levels\` ADD \`retracted_at\` datetime(3) NULL, ADD \`retracted_by\` binary(16) NULL, ADD \`retract_reason\` varchar(500) NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`region_risk_levels\` DROP COLUMN \`retract_reason\`, DROP COLUMN \`retracted_by\`, DROP COLUMN \`retracted_at\``,
    );
  }
}
