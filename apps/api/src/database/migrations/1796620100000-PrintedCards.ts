import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Printed cards for residents without a phone (issue #19): one row per card, revoked rather than deleted. */
export class PrintedCards1796620100000 implements MigrationInterface {
  name = 'PrintedCards1796620100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`printed_cards\` (\`card_id\` varchar(32) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`issued_by_staff_id\` binary(16) NULL, \`issued_at\` datetime(3) NOT NULL, \`expires_at\` datetime(3) NOT NULL, \`revoked_at\` datetime(3) NULL, \`revoke_reason\` varchar(24) NULL, INDEX \`ix_printed_cards_resident\` (\`resident_id\`, \`issued_at\`), INDEX \`ix_printed_cards_expires_at\` (\`expires_at\`), PRIMARY KEY (\`card_id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`printed_cards\``);
  }
}
