import { Injectable, Logger } from '@nestjs/common';

import { systemActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { PiiReencryptionRepository, type SealedResident } from './pii-reencryption.repository';

export interface ReencryptionReport {
  keyId: string;
  residents: number;
  staffSecrets: number;
  /** Rows sealed under a key that is no longer configured: left as they are, and counted. */
  unreadable: number;
}

const BATCH = 500;

/**
 * Moves every sealed value to the current PII key without downtime: reads accept every configured key id
 * while this runs, each batch is one short transaction over locked rows, and progress is the data itself
 * (rows already on the current key are skipped), so a killed run resumes where it stopped.
 */
@Injectable()
export class PiiReencryptionService {
  private readonly logger = new Logger(PiiReencryptionService.name);

  constructor(
    private readonly repo: PiiReencryptionRepository,
    private readonly crypto: PiiCryptoService,
    private readonly audit: AuditService,
  ) {}

  async run(
    onProgress: (done: number, remaining: number) => Promise<void> = async () => undefined,
  ): Promise<ReencryptionReport> {
    const keyId = this.crypto.currentKeyId;
    const report: ReencryptionReport = { keyId, residents: 0, staffSecrets: 0, unreadable: 0 };
    const total = await this.repo.countResidentsNotOn(keyId);
    let after: Buffer | null = null;
    for (;;) {
      const ids = await this.repo.residentIdsNotOn(keyId, after, BATCH);
      if (ids.length === 0) break;
      await this.repo.transaction(async (m) => {
        for (const row of await this.repo.lockResidents(m, ids)) {
          if (row.piiKeyId === keyId) continue;
          const moved = this.reseal(row, keyId);
          if (!moved) {
            report.unreadable++;
            continue;
          }
          await this.repo.updateResident(m, moved);
          report.residents++;
        }
      });
      after = ids[ids.length - 1];
      await onProgress(report.residents, Math.max(0, total - report.residents - report.unreadable));
    }
    await this.repo.transaction(async (m) => {
      for (const s of await this.repo.lockStaffSecretsNotOn(m, keyId)) {
        try {
          await this.repo.updateStaffSecret(m, s.id, this.crypto.encrypt(this.crypto.decrypt(s.totpSecretEnc), keyId));
          report.staffSecrets++;
        } catch {
          report.unreadable++;
        }
      }
      await this.repo.dropPendingStaffSecretsNotOn(m, keyId);
    });
    if (report.residents + report.staffSecrets > 0 || report.unreadable > 0) {
      await this.audit.record({
        actor: systemActor('pii-reencrypt'),
        action: 'pii.reencrypted',
        target: { type: 'pii-key', id: keyId },
        details: { ...report },
      });
    }
    if (report.unreadable > 0)
      this.logger.warn(
        { unreadable: report.unreadable, keyId },
        'rows sealed under a key that is no longer configured were left as they are',
      );
    return report;
  }

  /** Null when the row's key is gone (it cannot be read, so it cannot be moved). */
  private reseal(row: SealedResident, keyId: string): SealedResident | null {
    try {
      const move = (v: string | null) => (v === null ? null : this.crypto.encrypt(this.crypto.decrypt(v), keyId));
      return {
        ...row,
        piiKeyId: keyId,
        nameEnc: move(row.nameEnc),
        idEnc: move(row.idEnc),
        phoneEnc: move(row.phoneEnc),
      };
    } catch {
      return null;
    }
  }
}
