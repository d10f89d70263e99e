import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity proofing (issue #13).
 *
 * Migration note (also in README and docs/ARCHITECTURE.md): every existing resident becomes `unverified`, their
 * authority facts are no longer matched and they hold no code until they verify their ID number (host real-name
 * check, or the hotline). Their stored codes are removed and the current colour counts reset with them (the
 * daily trend keeps the past). An ID number shared by several live residents (possible before, since anyone
 * could type any number) is taken from all of them: nobody can tell who owns it, so each must enter it again
 * and the first to prove it keeps it.
 */
export class VerificationStateAndIdentityEvents1796597381710 implements MigrationInterface {
  name = 'VerificationStateAndIdentityEvents1796597381710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE \`residents\` r JOIN (SELECT \`id_hmac\` FROM \`residents\` WHERE \`id_hmac\` IS NOT NULL GROUP BY \`id_hmac\` HAVING COUNT(*) > 1) d ON d.\`id_hmac\` = r.\`id_hmac\` SET r.\`id_type\` = NULL, r.\`id_hmac\` = NULL, r.\`id_enc\` = NULL, r.\`id_masked\` = NULL`,
    );
    await queryRunner.query(`DROP INDEX \`ix_residents_id_hmac\` ON \`residents\``);
    await queryRunner.query(
      `CREATE TABLE \`dev_host_identities\` (\`host_key\` binary(32) NOT NULL, \`id_hmac\` binary(32) NOT NULL, \`created_at\` datetime(3) NOT NULL, PRIMARY KEY (\`host_key\`, \`id_hmac\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`identity_events\` (\`id\` binary(16) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`kind\` varchar(16) NOT NULL, \`method\` varchar(16) NULL, \`id_hmac\` binary(32) NULL, \`proof_key\` binary(32) NULL, \`at\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_identity_events_proof_key\` (\`proof_key\`), INDEX \`ix_identity_events_resident\` (\`resident_id\`, \`kind\`), INDEX \`ix_identity_events_id_hmac\` (\`id_hmac\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_verify_sessions\` (\`verify_id_hash\` binary(32) NOT NULL, \`resident_id\` binary(16) NOT NULL, \`out_seq_no\` varchar(32) NOT NULL, \`openid_enc\` varchar(512) NOT NULL, \`id_hmac\` binary(32) NOT NULL, \`expires_at\` datetime(3) NOT NULL, PRIMARY KEY (\`verify_id_hash\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`residents\` ADD \`verification_state\` varchar(16) NOT NULL DEFAULT 'unverified'`,
    );
    await queryRunner.query(`ALTER TABLE \`residents\` ADD \`verification_method\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`residents\` ADD \`verified_at\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`residents\` ADD \`verification_rejected_reason\` varchar(200) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`uq_residents_id_hmac\` ON \`residents\` (\`id_hmac\`)`);
    // Nobody is verified yet, so nobody holds a code; today's counts follow the codes.
    await queryRunner.query(`DELETE FROM \`resident_codes\``);
    await queryRunner.query(`UPDATE \`color_counts\` SET \`count\` = 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_residents_id_hmac\` ON \`residents\``);
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`verification_rejected_reason\``);
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`verified_at\``);
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`verification_method\``);
    await queryRunner.query(`ALTER TABLE \`residents\` DROP COLUMN \`verification_state\``);
    await queryRunner.query(`DROP INDEX \`ix_identity_events_id_hmac\` ON \`identity_events\``);
    await queryRunner.query(`DROP INDEX \`ix_identity_events_resident\` ON \`identity_events\``);
    await queryRunner.query(`DROP INDEX \`uq_identity_events_proof_key\` ON \`identity_events\``);
    await queryRunner.query(`DROP TABLE \`identity_events\``);
    await queryRunner.query(`DROP TABLE \`wechat_verify_sessions\``);
    await queryRunner.query(`DROP TABLE \`dev_host_identities\``);
    await queryRunner.query(`CREATE INDEX \`ix_residents_id_hmac\` ON \`residents\` (\`id_hmac\`)`);
  }
}
