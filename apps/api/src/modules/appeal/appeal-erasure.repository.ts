import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';

import { DevMessageEntity } from '../notification/dev-message.entity';
import { NotificationOutboxEntity } from '../notification/notification-outbox.entity';
import { NotificationRecipientEntity } from '../notification/notification-recipient.entity';
import { FactCorrectionEntity } from '../override/fact-correction.entity';
import { StaffOverrideEntity } from '../override/staff-override.entity';
import { AppealEventEntity } from './appeal-event.entity';
import { AppealEvidenceEntity } from './appeal-evidence.entity';
import { AppealEntity } from './appeal.entity';

export interface AppealErasureResult {
  appeals: number;
  notifications: number;
  /** Evidence files (sha256 hex) that no remaining appeal uses, to remove after the transaction commits. */
  orphanFiles: string[];
}

/** The rows appeals left behind for one resident, deleted in the caller's transaction. */
@Injectable()
export class AppealErasureRepository {
  async erase(manager: EntityManager, residentId: string): Promise<AppealErasureResult> {
    const appeals = await manager.getRepository(AppealEntity).find({ select: { id: true }, where: { residentId } });
    const ids = appeals.map((a) => a.id);
    let hashes: string[] = [];
    if (ids.length) {
      const files = await manager
        .getRepository(AppealEvidenceEntity)
        .find({ select: { sha256: true }, where: { appealId: In(ids) } });
      hashes = [...new Set(files.map((f) => f.sha256.toString('hex')))];
      await manager.getRepository(AppealEventEntity).delete({ appealId: In(ids) });
      await manager.getRepository(AppealEvidenceEntity).delete({ appealId: In(ids) });
      await manager.getRepository(AppealEntity).delete({ id: In(ids) });
    }
    await manager.getRepository(StaffOverrideEntity).delete({ residentId });
    await manager.getRepository(FactCorrectionEntity).delete({ residentId });
    const outbox = (await manager.getRepository(NotificationOutboxEntity).delete({ residentId })).affected ?? 0;
    await manager.getRepository(DevMessageEntity).delete({ residentId });
    await manager.getRepository(NotificationRecipientEntity).delete({ residentId });
    const orphanFiles: string[] = [];
    for (const hex of hashes) {
      if ((await manager.getRepository(AppealEvidenceEntity).countBy({ sha256: Buffer.from(hex, 'hex') })) === 0)
        orphanFiles.push(hex);
    }
    return { appeals: ids.length, notifications: outbox, orphanFiles };
  }
}
