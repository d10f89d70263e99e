import type { Color } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { FactSources } from '../code/resident-facts.util';
import { type ResidentScope, scopeCondition } from '../../database/resident-scope.util';
import { bufferToUuid, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { ACTIVE_OVERRIDE } from '../override/active-override.sql';
import type { StoredCode } from '../code/code-diff.util';
import { STORED_CODE_COLUMNS, storedCodeOf, type StoredCodeRow } from '../code/stored-code-row.util';

export interface RangeResident {
  id: string;
  idHmac: Buffer | null;
  homeRegion: string | null;
  currentRegion: string | null;
}

/** Self-declared facts of a range, loaded with one query per table (never one per resident). */
export interface RangeFacts {
  residents: RangeResident[];
  declarations: Map<string, FactSources['declarations']>;
  checkIns: Map<string, FactSources['checkIns']>;
  /** Authority facts that count for each resident (rows staff corrected away are left out, as in FactsRepository). */
  authority: Map<string, FactSources['authority']>;
}

/** Residents of a range with the same inputs (no facts of their own) and the same stored colour. */
export interface SelfDeclaredGroup {
  /** One of them (the smallest id): a preview's sample pseudonym. */
  sampleId: string;
  resident: Pick<RangeResident, 'homeRegion' | 'currentRegion'>;
  /** Their one declaration, or none. */
  declarations: FactSources['declarations'];
  /** The stored code's colour; null: no code yet. */
  color: Color | null;
  count: number;
}

export interface RangeQuery {
  rangeStart: string;
  rangeEnd: string;
  /** Only residents matched by this import's facts. */
  importId: string | null;
  checkInsFrom: string;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function groupBy<R, T>(rows: R[], key: (r: R) => string, map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(map(r));
    else out.set(k, [map(r)]);
  }
  return out;
}

/** A declaration row as the evaluation reads it: the range's reads and the preview's grouped one alike. */
function declarationOf(r: {
  current_region: string;
  stays: unknown;
  symptoms: unknown;
  contact_date: string | null;
}): FactSources['declarations'][number] {
  return {
    currentRegion: r.current_region,
    stays: parse(r.stays),
    symptoms: parse(r.symptoms),
    contactDate: r.contact_date,
  };
}

/** Check-ins that count (on `check_ins`): within the rule set's window. One parameter: `RangeQuery.checkInsFrom`. */
const CHECK_IN_COUNTS = 'day >= ?';
/** Authority facts on the numbers residents proved: `e` their identity events, `f` the facts; with `PROVEN`. */
const PROVEN_FACTS = 'identity_events e JOIN authority_facts f ON f.id_hmac = e.id_hmac';
const PROVEN = "e.kind = 'verified'";

/** A range query's whole primary-key range. */
export function rangeScope(q: Pick<RangeQuery, 'rangeStart' | 'rangeEnd'>): ResidentScope {
  return { kind: 'range', start: q.rangeStart, end: q.rangeEnd };
}

/** The residents whose facts a read covers: the listed ones, or the whole range. */
export function factScope(q: RangeQuery, residents: readonly RangeResident[], listed: boolean): ResidentScope {
  return listed ? { kind: 'ids', ids: residents.map((r) => r.id) } : rangeScope(q);
}

/** Set-based reads and writes of the re-scoring worker, as raw SQL over primary-key ranges. */
@Injectable()
export class RangeFactsRepository {
  /** The range's residents who hold a code, or only those of them listed in `only` (a preview's own-facts ones). */
  async residents(m: EntityManager, q: RangeQuery, only?: readonly string[]): Promise<RangeResident[]> {
    if (only?.length === 0) return [];
    // Only residents with a proven ID number hold a code; an import touches those who proved a number it names.
    const matched = q.importId
      ? ` AND id IN (SELECT e.resident_id FROM identity_events e JOIN authority_facts f ON f.id_hmac = e.id_hmac
            WHERE f.import_id = ? AND e.kind = 'verified')`
      : '';
    const listed = only ? ` AND id IN (${only.map(() => '?').join(',')})` : '';
    const rows: { id: Buffer; id_hmac: Buffer | null; home_region: string | null; current_region: string | null }[] =
      await m.query(
        `SELECT id, id_hmac, home_region, current_region FROM residents
        WHERE id >= ? AND id < ? AND consent_version IS NOT NULL AND deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM identity_events v WHERE v.resident_id = residents.id AND v.kind = 'verified')${matched}${listed}
        ORDER BY id`,
        [
          uuidToBuffer(q.rangeStart),
          uuidToBuffer(q.rangeEnd),
          ...(q.importId ? [q.importId] : []),
          ...(only ?? []).map(uuidToBuffer),
        ],
      );
    return rows.map((r) => ({
      id: bufferToUuid(r.id),
      idHmac: r.id_hmac,
      homeRegion: r.home_region,
      currentRegion: r.current_region,
    }));
  }

  /**
   * Declarations, check-ins in the window and authority facts of the given residents of a range. `listed`: only
   * these residents' rows are read (a preview's residents with facts of their own, read a chunk at a time), else
   * the whole range's.
   */
  async facts(m: EntityManager, q: RangeQuery, residents: RangeResident[], listed = false): Promise<RangeFacts> {
    if (residents.length === 0)
      return { residents, declarations: new Map(), checkIns: new Map(), authority: new Map() };
    const scope = factScope(q, residents, listed);
    const by = (column: string) => scopeCondition(column, scope);
    const [declRows, checkInRows, factRows, corrections] = await Promise.all([
      m.query(
        `SELECT resident_id, current_region, stays, symptoms, contact_date FROM declarations
          WHERE ${by('resident_id').sql} ORDER BY resident_id, declared_at DESC`,
        by('resident_id').params,
      ) as Promise<
        {
          resident_id: Buffer;
          current_region: string;
          stays: unknown;
          symptoms: unknown;
          contact_date: string | null;
        }[]
      >,
      m.query(
        `SELECT resident_id, day, healthy, temperature, symptoms FROM check_ins
          WHERE ${by('resident_id').sql} AND ${CHECK_IN_COUNTS} ORDER BY resident_id, day`,
        [...by('resident_id').params, q.checkInsFrom],
      ) as Promise<
        { resident_id: Buffer; day: string; healthy: number; temperature: string | null; symptoms: unknown }[]
      >,
      // The facts of every number each resident has proven (as FactsRepository.forResidents), by range or list.
      m.query(
        `SELECT DISTINCT e.resident_id, f.id, f.kind, f.data, f.id_hmac, f.row_hash FROM ${PROVEN_FACTS}
          WHERE ${by('e.resident_id').sql} AND ${PROVEN} ORDER BY e.resident_id, f.id_hmac, f.id`,
        by('e.resident_id').params,
      ) as Promise<
        {
          resident_id: Buffer;
          id: Buffer;
          kind: 'case' | 'contact' | 'booking';
          data: unknown;
          id_hmac: Buffer;
          row_hash: Buffer;
        }[]
      >,
      m.query(
        `SELECT resident_id, row_hash FROM fact_corrections WHERE ${by('resident_id').sql}`,
        by('resident_id').params,
      ) as Promise<{ resident_id: Buffer; row_hash: Buffer }[]>,
    ]);
    const excluded = new Set(corrections.map((c) => `${bufferToUuid(c.resident_id)}|${c.row_hash.toString('hex')}`));
    const byResident = groupBy(
      factRows,
      (r) => bufferToUuid(r.resident_id),
      (r) => r,
    );
    const authority = new Map<string, FactSources['authority']>();
    for (const r of residents) {
      const rows = byResident.get(r.id);
      if (!rows) continue;
      authority.set(
        r.id,
        rows
          .filter((f) => !excluded.has(`${r.id}|${f.row_hash.toString('hex')}`))
          .map((f) => ({ id: bufferToUuid(f.id), kind: f.kind, data: parse<Record<string, string | null>>(f.data) })),
      );
    }
    return {
      residents,
      declarations: groupBy(declRows, (r) => bufferToUuid(r.resident_id), declarationOf),
      checkIns: groupBy(
        checkInRows,
        (r) => bufferToUuid(r.resident_id),
        (r) => ({
          day: r.day,
          healthy: Boolean(r.healthy),
          temperature: r.temperature,
          symptoms: parse<string[]>(r.symptoms) ?? [],
        }),
      ),
      authority,
    };
  }

  /**
   * Residents of a range whose evaluation has inputs beyond their own declaration: check-ins in the window, an
   * authority fact on a number they proved (corrected or not), an active override, or more than one declaration.
   * A preview reads these one by one and counts every other resident in `selfDeclaredGroups`. Each condition is the
   * one the reads of those facts use (`facts`, `StaffOverrideRepository.activeFactsFor`), so the two cannot drift.
   */
  async residentsWithOwnFacts(m: EntityManager, q: RangeQuery, today: string): Promise<string[]> {
    const range = rangeScope(q);
    const by = (column: string) => scopeCondition(column, range);
    const rows: { resident_id: Buffer }[] = await m.query(
      `SELECT resident_id FROM check_ins WHERE ${by('resident_id').sql} AND ${CHECK_IN_COUNTS}
       UNION SELECT resident_id FROM staff_overrides WHERE ${by('resident_id').sql} AND ${ACTIVE_OVERRIDE}
       UNION SELECT e.resident_id FROM ${PROVEN_FACTS} WHERE ${by('e.resident_id').sql} AND ${PROVEN}
       UNION SELECT resident_id FROM declarations WHERE ${by('resident_id').sql}
              GROUP BY resident_id HAVING COUNT(*) > 1`,
      [
        ...by('resident_id').params,
        q.checkInsFrom,
        ...by('resident_id').params,
        today,
        ...by('e.resident_id').params,
        ...by('resident_id').params,
      ],
    );
    return rows.map((r) => bufferToUuid(r.resident_id));
  }

  /**
   * Every other resident of the range who holds a code (as `residents` selects them), counted per identical
   * inputs and stored colour: home and current region, their one declaration (or none), the code's colour. Regions
   * and colour are compared byte for byte (BINARY: the columns' collation would equate case and trailing spaces),
   * declarations by `inputs_hash` (SHA-256 of their exact inputs), so one evaluation per group is exact. Codes and
   * declarations are read from narrow indexes in resident order (migration PreviewIndexes), then one declaration
   * per group by id. Call inside a consistent snapshot with `residentsWithOwnFacts`.
   */
  async selfDeclaredGroups(m: EntityManager, q: RangeQuery, exclude: readonly string[]): Promise<SelfDeclaredGroup[]> {
    const excluded = exclude.length > 0 ? ` AND r.id NOT IN (${exclude.map(() => '?').join(',')})` : '';
    const rows: {
      home_region: string | null;
      current_region: string | null;
      declaration_id: Buffer | null;
      color: Color | null;
      n: string | number;
      sample_id: Buffer;
    }[] = await m.query(
      `SELECT MIN(r.home_region) AS home_region, MIN(r.current_region) AS current_region,
              MIN(d.id) AS declaration_id, MIN(c.color) AS color, COUNT(*) AS n, MIN(r.id) AS sample_id
         FROM residents r
         LEFT JOIN declarations d FORCE INDEX (ix_declarations_resident_inputs) ON d.resident_id = r.id
         LEFT JOIN resident_codes c FORCE INDEX (ix_resident_codes_color) ON c.resident_id = r.id
        WHERE r.id >= ? AND r.id < ? AND r.consent_version IS NOT NULL AND r.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM identity_events v WHERE v.resident_id = r.id AND v.kind = 'verified')${excluded}
        GROUP BY BINARY r.home_region, BINARY r.current_region, d.inputs_hash, BINARY c.color`,
      [uuidToBuffer(q.rangeStart), uuidToBuffer(q.rangeEnd), ...exclude.map(uuidToBuffer)],
    );
    const declarations = await this.declarationsById(
      m,
      rows.flatMap((r) => (r.declaration_id ? [r.declaration_id] : [])),
    );
    return rows.map((r) => {
      const declaration = r.declaration_id ? declarations.get(r.declaration_id.toString('hex')) : undefined;
      if (r.declaration_id && !declaration) throw new Error('A grouped declaration vanished inside the snapshot');
      return {
        sampleId: bufferToUuid(r.sample_id),
        resident: { homeRegion: r.home_region, currentRegion: r.current_region },
        declarations: declaration ? [declaration] : [],
        color: r.color,
        count: Number(r.n),
      };
    });
  }

  /** Declarations by id (a preview's one per group), keyed by the id's hex. */
  private async declarationsById(
    m: EntityManager,
    ids: readonly Buffer[],
  ): Promise<Map<string, FactSources['declarations'][number]>> {
    if (ids.length === 0) return new Map();
    const rows: {
      id: Buffer;
      current_region: string;
      stays: unknown;
      symptoms: unknown;
      contact_date: string | null;
    }[] = await m.query(
      `SELECT id, current_region, stays, symptoms, contact_date FROM declarations WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id.toString('hex'), declarationOf(r)]));
  }

  /** The stored colour of the given residents' codes, without locking (previews): no JSON read. */
  async readColors(m: EntityManager, residentIds: readonly string[]): Promise<Map<string, Color>> {
    if (residentIds.length === 0) return new Map();
    const rows: { resident_id: Buffer; color: Color }[] = await m.query(
      `SELECT resident_id, color FROM resident_codes WHERE resident_id IN (${residentIds.map(() => '?').join(',')})`,
      residentIds.map(uuidToBuffer),
    );
    return new Map(rows.map((r) => [bufferToUuid(r.resident_id), r.color]));
  }

  /** The stored codes of the given residents, read under a write lock so single-resident writes wait for us. */
  async lockCodes(m: EntityManager, residentIds: string[]): Promise<Map<string, StoredCode>> {
    return this.codes(m, residentIds, ' FOR UPDATE');
  }

  /** Every stored code of a whole range under a write lock: a primary-key range scan, no id list to ship. */
  async lockRangeCodes(
    m: EntityManager,
    q: Pick<RangeQuery, 'rangeStart' | 'rangeEnd'>,
  ): Promise<Map<string, StoredCode>> {
    return this.codes(m, null, ' FOR UPDATE', [uuidToBuffer(q.rangeStart), uuidToBuffer(q.rangeEnd)]);
  }

  private async codes(
    m: EntityManager,
    residentIds: string[] | null,
    lock: string,
    bounds?: Buffer[],
  ): Promise<Map<string, StoredCode>> {
    if (residentIds?.length === 0) return new Map();
    const where = residentIds
      ? `resident_id IN (${residentIds.map(() => '?').join(',')})`
      : 'resident_id >= ? AND resident_id < ?';
    const rows: StoredCodeRow[] = await m.query(
      `SELECT ${STORED_CODE_COLUMNS} FROM resident_codes WHERE ${where}${lock}`,
      residentIds ? residentIds.map(uuidToBuffer) : (bounds as Buffer[]),
    );
    return new Map(rows.map((r) => [bufferToUuid(r.resident_id), storedCodeOf(r)]));
  }
}
