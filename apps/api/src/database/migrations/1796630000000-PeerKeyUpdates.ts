import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A peer issuer's new keys wait beside the pinned ones until a second administrator approves them (issue #19: a
 * peer rotates its signing keys; the trust list must follow without trusting a key on one person's word).
 */
export class PeerKeyUpdates1796630000000 implements MigrationInterface {
  name = 'PeerKeyUpdates1796630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `trusted_issuers` ADD `pending_jwks` json NULL, ADD `keys_requested_by` binary(16) NULL, ADD `keys_requested_at` datetime(3) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `trusted_issuers` DROP COLUMN `keys_requested_at`, DROP COLUMN `keys_requested_by`, DROP COLUMN `pending_jwks`',
    );
  }
}
