import { createHash } from 'node:crypto';

import {
  ApiErrorCode,
  AUTHORITY_IMPORT_COLUMNS,
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
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { RescoreRunService } from '../rescore/rescore-run.service';
import type { AuthorityImportEntity } from './authority-import.entity';
import { AuthorityImportRepository } from './authority-import.repository';
import { type AuthorityRow, FACT_KIND, parseAuthorityRow, type RowError } from './authority-row.util';
import { parseCsv } from './csv-upload.util';

const ERRORS_IN_RESPONSE = 100;

/**
 * Authority CSV feeds. The file is parsed in the request, each ID number HMAC'ed as soon as it is read (neither
 * the file nor a plain number is stored or queued), every row validated, good rows stored idempotently by
 * content hash, and, in the same transaction, an outbox row re-scores only the residents the new rows match.
 */
@Injectable()
export class AuthorityImportService {
  constructor(
    private readonly repo: AuthorityImportRepository,
    private readonly crypto: PiiCryptoService,
    private readonly runs: RescoreRunService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async upload(staff: StaffPrincipal, kind: AuthorityImportKind, bytes: Buffer): Promise<AuthorityImportResponse> {
    const now = this.clock.now();
    const csv = parseCsv(
      bytes,
      AUTHORITY_IMPORT_COLUMNS[kind],
      AUTHORITY_IMPORT_COLUMNS[kind].filter((c) => c !== 'cleared_date'),
    );
    const good: AuthorityRow[] = [];
    const errors: RowError[] = [];
    const hmacId = (idNumber: string) => this.crypto.hmac('id', `resident-id:${idNumber}`);
    for (const row of csv) {
      const parsed = parseAuthorityRow(kind, row.line, row.values, now, hmacId);
      if (Array.isArray(parsed)) errors.push(...parsed);
      else good.push(parsed);
    }
    const id = newId();
    const saved = await this.repo.transaction(async (m) => {
      const seq = await this.repo.nextSeq(m);
      const entity: AuthorityImportEntity = {
        id,
        seq,
        kind: FACT_KIND[kind],
        fileSha256: createHash('sha256').update(bytes).digest(),
        rowsTotal: csv.length,
        rowsImported: 0,
        rowsDuplicate: 0,
        rowsFailed: new Set(errors.map((e) => e.line)).size,
        matched: 0,
        runId: null,
        createdBy: staff.staffId,
        regionScope: staff.regionScope,
        createdAt: now,
      };
      await this.repo.insert(m, entity);
      const imported = await this.repo.insertFacts(m, id, good, now);
      await this.repo.insertErrors(m, id, errors);
      const matched = imported > 0 ? await this.repo.countMatched(m, id) : 0;
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
      const fields = { rowsImported: imported, rowsDuplicate: good.length - imported, matched, runId };
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
      rowsDuplicate: r.rowsDuplicate,
      rowsFailed: r.rowsFailed,
      matched: r.matched,
      runId: r.runId,
      createdAt: r.createdAt.toISOString(),
      errors: errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
    };
  }
}
