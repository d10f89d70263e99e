import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, type Repository } from 'typeorm';

import { CodeTokenEntity } from './code-token.entity';

/** The server-side map from a token's random id to its resident. */
@Injectable()
export class CodeTokenRepository {
  constructor(@InjectRepository(CodeTokenEntity) private readonly tokens: Repository<CodeTokenEntity>) {}

  async insert(row: CodeTokenEntity): Promise<void> {
    await this.tokens.insert(row);
  }

  /** Deletes up to `limit` links of tokens that expired before `cutoff`; returns how many went. */
  async purgeExpiredBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.tokens.find({
      select: { tokenId: true },
      where: { expiresAt: LessThan(cutoff) },
      take: limit,
    });
    if (rows.length === 0) return 0;
    return (await this.tokens.delete(rows.map((r) => r.tokenId))).affected ?? 0;
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(CodeTokenEntity).delete({ residentId })).affected ?? 0;
  }
}
