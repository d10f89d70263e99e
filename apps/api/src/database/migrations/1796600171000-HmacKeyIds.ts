import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key version of every stored HMAC, beside it (`<column>_kid`), so `hmac:rotate` can move rows to a new
 * PII_HMAC key version and tell when none is left under the old one. Every HMAC stored so far is version 1.
 */
export const HMAC_KID_COLUMNS: [table: string, column: string][] = [
  ['residents', 'host_key_kid'],
  ['residents', 'id_hmac_kid'],
  ['residents', 'phone_hmac_kid'],
  ['identity_events', 'id_hmac_kid'],
  ['authority_facts', 'id_hmac_kid'],
  ['authority_fact_changes', 'id_hmac_kid'],
  ['dev_host_identities', 'host_key_kid'],
  ['dev_host_identities', 'id_hmac_kid'],
  ['wechat_verify_sessions', 'id_hmac_kid'],
];

export class HmacKeyIds1796600171000 implements MigrationInterface {
  name = 'HmacKeyIds1796600171000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of HMAC_KID_COLUMNS)
      await queryRunner.query(`ALTER TABLE \`${table}\` ADD \`${column}\` tinyint UNSIGNED NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of HMAC_KID_COLUMNS)
      await queryRunner.query(`ALTER TABLE \`${table}\` DROP COLUMN \`${column}\``);
  }
}
