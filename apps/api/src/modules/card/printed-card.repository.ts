import type { CardRevokeReason } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, MoreThan, type Repository } from 'typeorm';

import { runInTransaction, type TransactionWork } from '../../database/transaction.util';
import { CodeTokenEntity } from '../keys/code-token.entity';
import { PrintedCardEntity } from './printed-card.entity';

/** Printed cards, and the status list's one query. */
@Injectable()
export class PrintedCardRepository {
  constructor(@InjectRepository(PrintedCardEntity) private readonly cards: Repository<PrintedCardEntity>) {}

  transaction<T>(work: TransactionWork<T>): Promise<T> {
    return runInTransaction(this.cards.manager, work);
  }

  find(cardId: string): Promise<PrintedCardEntity | null> {
    return this.cards.findOne({ where: { cardId } });
  }

  /** The card in use: not revoked, not expired, the newest if (by a race long ago) several were. */
  active(
    residentId: string,
    now: Date,
    manager: EntityManager = this.cards.manager,
  ): Promise<PrintedCardEntity | null> {
    return manager.getRepository(PrintedCardEntity).findOne({
      where: { residentId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { issuedAt: 'DESC' },
    });
  }

  /** Revokes every card in use of the resident; returns how many. */
  async revokeActive(manager: EntityManager, residentId: string, reason: CardRevokeReason, at: Date): Promise<number> {
    const result = await manager
      .getRepository(PrintedCardEntity)
      .update({ residentId, revokedAt: IsNull(), expiresAt: MoreThan(at) }, { revokedAt: at, revokeReason: reason });
    return result.affected ?? 0;
  }

  /**
   * The card and its scan link (`code_tokens`, kept until the card's expiry plus the scan retention period), so
   * scans of the card list among the resident's scans exactly as scans of a phone code do.
   */
  async insert(manager: EntityManager, card: PrintedCardEntity): Promise<void> {
    await manager.getRepository(PrintedCardEntity).insert(card);
    await manager
      .getRepository(CodeTokenEntity)
      .insert({ tokenId: card.cardId, residentId: card.residentId, expiresAt: card.expiresAt });
  }

  /**
   * Ids of unexpired cards that must not pass offline: revoked ones, and those whose holder's colour is not green
   * (or who hold no code at all). Green cards are never read out.
   */
  async refusedCardIds(now: Date): Promise<{ revoked: string[]; notGreen: string[] }> {
    const rows: { card_id: string; revoked: number | string }[] = await this.cards.query(
      `SELECT p.card_id, p.revoked_at IS NOT NULL AS revoked
         FROM printed_cards p LEFT JOIN resident_codes c ON c.resident_id = p.resident_id
        WHERE p.expires_at > ? AND (p.revoked_at IS NOT NULL OR c.color IS NULL OR c.color <> 'green')`,
      [now],
    );
    const revoked: string[] = [];
    const notGreen: string[] = [];
    for (const r of rows) (Number(r.revoked) ? revoked : notGreen).push(r.card_id);
    return { revoked, notGreen };
  }

  async deleteForResident(manager: EntityManager, residentId: string): Promise<number> {
    return (await manager.getRepository(PrintedCardEntity).delete({ residentId })).affected ?? 0;
  }
}
