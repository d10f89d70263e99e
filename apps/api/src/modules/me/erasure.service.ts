import { createHash, randomUUID } from 'node:crypto';

import { cstDate, type DeletionReceipt } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { AccessLogRepository } from '../access-log/access-log.repository';
import { AppealErasure } from '../appeal/appeal-erasure.service';
import { Clock } from '../clock/clock';
import { CodeRepository } from '../code/code.repository';
import { ColorCountsRepository } from '../rescore/color-counts.repository';
import { DeclarationRepository } from '../declaration/declaration.repository';
import { CodeTokenRepository } from '../keys/code-token.repository';
import { ResidentRepository } from '../resident/resident.repository';
import { SessionRevocationService } from '../session/session-revocation.service';

/**
 * `DELETE /me`: one transaction erases every personal field and record of the resident. Today's colour counts
 * drop the resident; past daily counts are anonymous and stay. The receipt's digest lets the resident prove the erasure later.
 */
@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly residents: ResidentRepository,
    private readonly declarations: DeclarationRepository,
    private readonly codes: CodeRepository,
    private readonly accessLog: AccessLogRepository,
    private readonly clock: Clock,
    private readonly counts: ColorCountsRepository,
    private readonly appeals: AppealErasure,
    private readonly tokens: CodeTokenRepository,
    private readonly sessions: SessionRevocationService,
  ) {}

  async erase(residentId: string): Promise<DeletionReceipt> {
    const at = this.clock.now();
    let orphanFiles: string[] = [];
    const erased = await this.db.transaction(async (manager) => {
      const ap = await this.appeals.erase(manager, residentId);
      orphanFiles = ap.orphanFiles;
      const d = await this.declarations.deleteForResident(manager, residentId);
      // The erased code leaves today's colour counts (the daily trend keeps the past).
      const code = await this.codes.findForUpdate(manager, residentId);
      const c = await this.codes.deleteForResident(manager, residentId);
      // Without its links, no token id (and so no stored scan) leads back to the resident.
      await this.tokens.deleteForResident(manager, residentId);
      if (code) await this.counts.move(manager, { region: code.region, color: code.color }, null, cstDate(at));
      const a = await this.accessLog.deleteForResident(manager, residentId);
      await this.residents.erase(residentId, at, manager);
      // Every live token of the resident ends with the commit (the token would otherwise live 2 h).
      await this.sessions.revokeResidentSessions(residentId, manager);
      return {
        declarations: d.declarations,
        checkIns: d.checkIns,
        codeHistory: c.history,
        accessLog: a,
        appeals: ap.appeals,
        notifications: ap.notifications,
        profile: 1,
      };
    });
    await this.appeals.removeFiles(orphanFiles);
    const receiptId = randomUUID();
    const digest = createHash('sha256')
      .update(JSON.stringify({ receiptId, at: at.toISOString(), erased }))
      .digest('hex');
    return { receiptId, deletedAt: at.toISOString(), erased, digest };
  }
}
