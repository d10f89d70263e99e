import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import { AuthorityFactEntity } from '../authority/authority-fact.entity';
import { AuthorityFactChangeEntity } from '../authority/authority-fact-change.entity';
import { FactCorrectionEntity } from '../override/fact-correction.entity';

/**
 * Authority facts (case registry, close contacts, transport bookings) matched by the keyed ID HMAC,
 * minus the rows staff found were not this resident (`fact_corrections`, keyed by the row's hash so a
 * re-import of the same row stays excluded).
 */
@Injectable()
export class FactsRepository {
  constructor(
    @InjectRepository(AuthorityFactEntity) private readonly facts: Repository<AuthorityFactEntity>,
    @InjectRepository(FactCorrectionEntity) private readonly corrections: Repository<FactCorrectionEntity>,
    @InjectRepository(AuthorityFactChangeEntity) private readonly changes: Repository<AuthorityFactChangeEntity>,
  ) {}

  /** Every row matching the HMAC, corrections not applied: for staff views of the raw feed. */
  forIdHmac(idHmac: Buffer): Promise<AuthorityFactEntity[]> {
    return this.facts.find({ where: { idHmac } });
  }

  /** The corrections the given imports made to this person's facts, oldest first. */
  changesFor(idHmac: Buffer, importSeqs: number[]): Promise<AuthorityFactChangeEntity[]> {
    return this.changes.find({ where: { idHmac, importSeq: In(importSeqs) }, order: { at: 'ASC' } });
  }

  findById(id: string): Promise<AuthorityFactEntity | null> {
    return this.facts.findOne({ where: { id } });
  }

  /** The facts that count for one resident. */
  async forResident(residentId: string, idHmac: Buffer | null): Promise<AuthorityFactEntity[]> {
    return (await this.forResidents([{ id: residentId, idHmac }])).get(residentId) ?? [];
  }

  /**
   * The facts that count for many residents at once (bulk re-scoring): two queries whatever the number.
   * Every resident id is a key of the result, with [] for none.
   */
  async forResidents(residents: { id: string; idHmac: Buffer | null }[]): Promise<Map<string, AuthorityFactEntity[]>> {
    const result = new Map<string, AuthorityFactEntity[]>(residents.map((r) => [r.id, []]));
    const withHmac = residents.filter((r): r is { id: string; idHmac: Buffer } => r.idHmac !== null);
    if (withHmac.length === 0) return result;
    const [rows, corrections] = await Promise.all([
      this.facts.find({ where: { idHmac: In(withHmac.map((r) => r.idHmac)) } }),
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
      const own = (byHmac.get(r.idHmac.toString('hex')) ?? []).filter(
        (f) => !excluded.has(`${r.id}|${f.rowHash.toString('hex')}`),
      );
      result.set(r.id, own);
    }
    return result;
  }
}
