import { randomUUID } from 'node:crypto';

import type { DeletionReceipt } from '@healthcode/contracts';
import { Injectable, Logger } from '@nestjs/common';

import { systemActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import type { ErasedPart } from '../resident-data/erasure-owner.interface';
import { ResidentDataRegistry } from '../resident-data/resident-data.registry';
import { receiptDigest, signErasureReceipt } from './erasure-receipt.util';
import { ErasureReceiptRepository } from './erasure-receipt.repository';

/**
 * `DELETE /me`: every owner registered in ResidentDataRegistry erases its part in one transaction, with the
 * receipt's hash and the audit entry, so an erasure is all or nothing and always recorded. The resident gets
 * a receipt signed with the deployment's key; the server keeps only its hash and time. Files go after commit.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly registry: ResidentDataRegistry,
    private readonly receipts: ErasureReceiptRepository,
    private readonly signer: CodeSignerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async erase(residentId: string): Promise<DeletionReceipt> {
    const at = this.clock.now();
    const receiptId = randomUUID();
    const erased: Record<string, number> = {};
    const parts: ErasedPart[] = [];
    const signature = await this.receipts.transaction(async (manager) => {
      for (const owner of this.registry.erasure()) {
        const part = await owner.erase(manager, residentId);
        erased[owner.kind] = part.count;
        parts.push(part);
      }
      const jws = await signErasureReceipt(
        { jti: receiptId, iat: Math.floor(at.getTime() / 1000), erased },
        this.signer.keyRing.current,
      );
      await this.receipts.insert(manager, { digest: receiptDigest(jws), erasedAt: at });
      // The entry names the receipt, never the resident: the audit log outlives the erasure.
      await this.audit.record(
        {
          actor: systemActor('resident-erasure'),
          action: 'resident.erased',
          target: { type: 'erasure-receipt', id: receiptId },
          details: { erased },
        },
        manager,
      );
      return jws;
    });
    // The rows are gone and the receipt is owed: a file that could not be removed is logged, not thrown.
    for (const part of parts)
      await part
        .afterCommit?.()
        .catch((error: Error) =>
          this.logger.error({ receiptId, err: error.message }, 'erasure clean-up after commit failed'),
        );
    return {
      receiptId,
      deletedAt: at.toISOString(),
      erased,
      digest: receiptDigest(signature).toString('hex'),
      signature,
    };
  }
}
