import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `DeclarationEntity.inputsHash`'s expression as of this migration (the migrations spec checks that they agree). */
const DECLARATION_INPUTS_HASH = 'UNHEX(SHA2(JSON_ARRAY(`current_region`, `stays`, `symptoms`, `contact_date`), 256))';

/**
 * Narrow indexes for the what-if preview (issue #16): it counts residents with identical inputs and stored colour per
 * range, and read full code rows and the JSON text of every declaration to do so. Now codes and declarations answer
 * from an index in resident order: codes' colour, and a hash of each declaration's inputs (a virtual column, stored
 * only in its index). (A narrow residents index starting with the id was tried and left out: with it, host login
 * answered 500 during a PII_HMAC_KEY rotation in the hmac-rotation e2e, 3 runs of 4.) `typeorm_metadata` records the generated
 * column's expression as TypeORM itself would (its schema check compares it).
 */
export class PreviewIndexes1796660000000 implements MigrationInterface {
  name = 'PreviewIndexes1796660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE IF NOT EXISTS `typeorm_metadata` (`type` varchar(255) NOT NULL, `database` varchar(255) NULL, `schema` varchar(255) NULL, `table` varchar(255) NULL, `name` varchar(255) NULL, `value` text NULL) ENGINE=InnoDB',
    );
    await queryRunner.query(
      `ALTER TABLE \`declarations\` ADD \`inputs_hash\` binary(32) AS (${DECLARATION_INPUTS_HASH}) VIRTUAL, ADD INDEX \`ix_declarations_resident_inputs\` (\`resident_id\`, \`inputs_hash\`)`,
    );
    await queryRunner.query(
      "INSERT INTO `typeorm_metadata` (`database`, `schema`, `table`, `type`, `name`, `value`) VALUES (DEFAULT, DATABASE(), 'declarations', 'GENERATED_COLUMN', 'inputs_hash', ?)",
      [DECLARATION_INPUTS_HASH],
    );
    await queryRunner.query('CREATE INDEX `ix_resident_codes_color` ON `resident_codes` (`resident_id`, `color`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `ix_resident_codes_color` ON `resident_codes`');
    await queryRunner.query(
      "DELETE FROM `typeorm_metadata` WHERE `type` = 'GENERATED_COLUMN' AND `table` = 'declarations' AND `name` = 'inputs_hash'",
    );
    await queryRunner.query(
      'ALTER TABLE `declarations` DROP INDEX `ix_declarations_resident_inputs`, DROP COLUMN `inputs_hash`',
    );
  }
}
