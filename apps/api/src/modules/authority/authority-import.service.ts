import { createHash } from 'node:crypto';

import {
  ApiErrorCode,
  AUTHORITY_IMPORT_COLUMNS,
  AUTHORITY_OPTIONAL_COLUMNS,
  type AuthorityImportKind,
  type AuthorityImportResponse,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { isUuid, newId } from '../../database/uuid-binary.transformer';
import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { type HmacPair, PiiCryptoService } from '../crypto/pii-crypto.service';
import { HmacRotationService } from '../hmac-keys/hmac-rotation.service';
import { RescoreRunService } from '../rescore/rescore-run.service';
import type { AuthorityImportEntity } from './authority-import.entity';
import { AuthorityImportRepository } from './authority-import.repository';
import { type AuthorityRow, FACT_KIND, parseAuthorityRow, type RowError } from './authority-row.util';
import { parseCsv } from './csv-upload.util';
import { reconcileFacts } from './fact-reconcile.util';

const ERRORS_IN_RESPONSE = 100;

/**
 * Authority CSV feeds. The file is parsed in the request, each ID number HMAC'ed as soon as it is read (neither
 * the file nor a plain number is stored or queued), every row validated (including that it happened inside the
 * importer's scope), and each good row either adds a fact or corrects the one with the same stable key in place.
 * In the same transaction an outbox row re-scores only the residents whose facts were added or changed.
 */
@Injectable()
export class AuthorityImportService {
  constructor(
    private readonly repo: AuthorityImportRepository,
    private readonly crypto: PiiCryptoService,
    private readonly runs: RescoreRunService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly hmacs: HmacRotationService,
  ) {}

  async upload(staff: StaffPrincipal, kind: AuthorityImportKind, bytes: Buffer): Promise<AuthorityImportResponse> {
    const now = this.clock.now();
    const csv = parseCsv(
      bytes,
      AUTHORITY_IMPORT_COLUMNS[kind],
      AUTHORITY_IMPORT_COLUMNS[kind].filter((c) => !AUTHORITY_OPTIONAL_COLUMNS.includes(c)),
    );
    const good: AuthorityRow[] = [];
    const errors: RowError[] = [];
    // During a PII_HMAC key rotation each number's rows move to the current version in the import's transaction.
    const pairs: HmacPair[] = [];
    const ctx = {
      now,
      scope: staff.regionScope,
      hmacId: (idNumber: string) => {
        const pair = this.crypto.hmacPair('id', `resident-id:${idNumber}`);
        if (pair.previous) pairs.push(pair);
        return pair.current;
      },
    };
    for (const row of csv) {
      const parsed = parseAuthorityRow(kind, row.line, row.values, ctx);
      if (Array.isArray(parsed)) errors.push(...parsed);
      else good.push(parsed);
    }
    await this.hmacs.align('id', pairs);
    const id = newId();
    const saved = await this.repo.transaction(async (m) => {
      const seq = await this.repo.nextSeq(m);
      const onFile = await this.repo.lockByKeys(
        m,
        good.map((r) => r.factKey),
      );
      const plan = reconcileFacts(good, onFile, staff.regionScope);
      errors.push(...plan.errors);
      errors.sort((a, b) => a.line - b.line);
      const entity: AuthorityImportEntity = {
        id,
        seq,
        kind: FACT_KIND[kind],
        fileSha256: createHash('sha256').update(bytes).digest(),
        rowsTotal: csv.length,
        rowsImported: 0,
        rowsUpdated: 0,
        rowsDuplicate: 0,
        rowsFailed: new Set(errors.map((e) => e.line)).size,
        matched: 0,
        runId: null,
        createdBy: staff.staffId,
        regionScope: staff.regionScope,
        createdAt: now,
      };
      await this.repo.insert(m, entity);
      const imported = await this.repo.insertFacts(m, id, plan.inserts, now);
      await this.repo.updateFacts(
        m,
        id,
        plan.updates.map((u) => ({
          factId: u.factId,
          kind: u.row.kind,
          idHmac: u.row.idHmac,
          importSeq: seq,
          data: u.row.data,
          region: u.row.region,
          fields: u.fields,
        })),
        now,
      );
      await this.repo.insertErrors(m, id, errors);
      const changed = imported + plan.updates.length;
      const matched = changed > 0 ? await this.repo.countMatched(m, id) : 0;
      const runId =
        matched > 0
          ? await this.runs.enqueue(m, {
              kind: 'import',
              cause: 'authority-import',
              causeRef: `import:${seq}`,
              importId: id,
              payload: null,
              availableAt: now,
              createdBy: staff.staffId,
            })
          : null;
      const fields = {
        rowsImported: imported,
        rowsUpdated: plan.updates.length,
        rowsDuplicate: good.length - imported - plan.updates.length - plan.errors.length,
        matched,
        runId,
      };
      await this.repo.update(m, id, fields);
      const details = { seq, kind, rowsTotal: entity.rowsTotal, rowsFailed: entity.rowsFailed, ...fields };
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'import.applied',
          target: { type: 'authority-import', id },
          region: staff.regionScope || null,
          details,
        },
        m,
      );
      return { ...entity, ...fields };
    });
    this.runs.notify(saved.runId);
    return this.view(saved, errors.slice(0, ERRORS_IN_RESPONSE));
  }

  async get(id: string): Promise<AuthorityImportResponse> {
    const row = await this.load(id);
    return this.view(row, await this.repo.listErrors(id, ERRORS_IN_RESPONSE));
  }

  async list(): Promise<{ items: AuthorityImportResponse[] }> {
    return { items: (await this.repo.list()).map((r) => this.view(r, [])) };
  }

  /** The full per-row error report as CSV: line, field, message. */
  async errorReport(id: string): Promise<string> {
    await this.load(id);
    const rows = await this.repo.listErrors(id);
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return (
      ['line,field,message', ...rows.map((e) => `${e.line},${quote(e.field)},${quote(e.message)}`)].join('\n') + '\n'
    );
  }

  private async load(id: string): Promise<AuthorityImportEntity> {
    const row = isUuid(id) ? await this.repo.find(id) : null;
    if (!row) throw new DomainException(ApiErrorCode.NotFound, 'No such import');
    return row;
  }

  private view(r: AuthorityImportEntity, errors: RowError[]): AuthorityImportResponse {
    const kind = ({ case: 'cases', contact: 'contacts', booking: 'bookings' } as const)[r.kind];
    return {
      id: r.id,
      seq: r.seq,
      kind,
      rowsTotal: r.rowsTotal,
      rowsImported: r.rowsImported,
      rowsUpdated: r.rowsUpdated,
      rowsDuplicate: r.rowsDuplicate,
      rowsFailed: r.rowsFailed,
      matched: r.matched,
      runId: r.runId,
      createdAt: r.createdAt.toISOString(),
      errors: errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
    };
  }
}
