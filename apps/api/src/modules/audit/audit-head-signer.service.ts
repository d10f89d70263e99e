import { Injectable } from '@nestjs/common';

import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import { signAuditHead } from './audit-head-signature.util';
import { AuditHeadSignatureRepository } from './audit-head-signature.repository';
import { AuditRepository } from './audit.repository';

/** Signs the current chain head with the deployment's key, unless that head is already signed. */
@Injectable()
export class AuditHeadSignerService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly signatures: AuditHeadSignatureRepository,
    private readonly signer: CodeSignerService,
    private readonly clock: Clock,
  ) {}

  async signHead(): Promise<{ seq: number; signed: boolean }> {
    const head = await this.audit.head();
    if (!head) throw new Error('audit_chain_head has no row: run the migrations');
    const newest = await this.signatures.newest();
    if (head.seq === 0 || newest?.seq === head.seq) return { seq: head.seq, signed: false };
    const now = this.clock.now();
    const key = this.signer.keyRing.current;
    const jws = await signAuditHead(
      { seq: head.seq, hash: head.hash.toString('hex') },
      Math.floor(now.getTime() / 1000),
      key,
    );
    await this.signatures.insert({ seq: head.seq, hash: head.hash, signedAt: now, kid: key.kid, jws });
    return { seq: head.seq, signed: true };
  }
}
