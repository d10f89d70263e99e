import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import { AuthorityFactEntity } from '../authority-facts/authority-fact.entity';
import { AuthorityFactChangeEntity } from '../authority-facts/authority-fact-change.entity';
import { AuthorityWithdrawalEntity } from '../authority-facts/authority-withdrawal.entity';
import { FactCorrectionEntity } from '../override/fact-correction.entity';

/**
 * Authority facts (case registry, close contacts, transport bookings) matched by the keyed ID HMAC of the numbers a
 * resident has proven (never an unverified number, so nobody sees facts about someone else),
 * minus the rows staff found were not this resident (`fact_corrections`, keyed by the row's hash so a
 * re-import of the same row stays excluded).
 */
@Injectable()
export class FactsRepository {
  constructor(
    @InjectRepository(AuthorityFactEntity) private readonly facts: Repository<AuthorityFactEntity>,
    @InjectRepository(FactCorrectionEntity) private readonly corrections: Repository<FactCorrectionEntity>,
    @InjectRepository(AuthorityFactChangeEntity) private readonly changes: Repository<AuthorityFactChangeEntity>,
    @InjectRepository(AuthorityWithdrawalEntity) private readonly withdrawals: Repository<AuthorityWithdrawalEntity>,
  ) {}

  /** The written reasons of approved withdrawals, by number (history rows name them 'withdrawal:<seq>'). */
  async withdrawalReasons(seqs: number[]): Promise<Map<number, string>> {
    if (seqs.length === 0) return new Map();
    const rows = await this.withdrawals.find({
      select: { seq: true, reason: true },
      where: { seq: In(seqs), status: 'approved' },
    });
    return new Map(rows.map((w) => [w.seq, w.reason]));
  }

  /** Every row matching the HMAC, corrections not applied: for staff views of the raw feed. */
  forIdHmac(idHmac: Buffer): Promise<AuthorityFactEntity[]> {
    return this.facts.find({ where: { idHmac } });
  }

  /** The corrections the given imports made to this person's facts, oldest first. */
  changesFor(idHmacs: Buffer[], importSeqs: number[]): Promise<AuthorityFactChangeEntity[]> {
    return this.changes.find({ where: { idHmac: In(idHmacs), importSeq: In(importSeqs) }, order: { at: 'ASC' } });
  }

  findById(id: string): Promise<AuthorityFactEntity | null> {
    return this.facts.findOne({ where: { id } });
  }

  /** The facts that count for one resident: those recorded against any ID number they have proven. */
  async forResident(residentId: string, idHmacs: Buffer[]): Promise<AuthorityFactEntity[]> {
    return (await this.forResidents([{ id: residentId, idHmacs }])).get(residentId) ?? [];
  }

  /**
   * The facts that count for many residents at once (bulk re-scoring): two queries whatever the number.
   * Every resident id is a key of the result, with [] for none.
   */
  async forResidents(residents: { id: string; idHmacs: Buffer[] }[]): Promise<Map<string, AuthorityFactEntity[]>> {
    const result = new Map<string, AuthorityFactEntity[]>(residents.map((r) => [r.id, []]));
    const withHmac = residents.filter((r) => r.idHmacs.length > 0);
    if (withHmac.length === 0) return result;
    const [rows, corrections] = await Promise.all([
      this.facts.find({ where: { idHmac: In(withHmac.flatMap((r) => r.idHmacs)) } }),
      this.corrections.find({
        select: { residentId: true, rowHash: true },
        where: { residentId: In(withHmac.map((r) => r.id)) },
      }),
    ]);
    const excluded = new Set(corrections.map((c) => `${c.residentId}|${c.rowHash.toString('hex')}`));
    const byHmac = new Map<string, AuthorityFactEntity[]>();
    for (const row of rows) {
      const key = row.idHmac.toString('hex');
      byHmac.set(key, [...(byHmac.get(key) ?? []), row]);
    }
    for (const r of withHmac) {
      // Ordered as the worker's range query reads them (id_hmac, then id), so both paths agree on reasons.
      const key = (f: AuthorityFactEntity) => `${f.idHmac.toString('hex')}|${f.id}`;
      const own = r.idHmacs
        .flatMap((h) => byHmac.get(h.toString('hex')) ?? [])
        .filter((f) => !excluded.has(`${r.id}|${f.rowHash.toString('hex')}`))
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      result.set(r.id, own);
    }
    return result;
  }
}
