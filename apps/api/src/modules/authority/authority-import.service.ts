import { createHash } from 'node:crypto';

import {
  ApiErrorCode,
  AUTHORITY_IMPORT_COLUMNS,
  AUTHORITY_OPTIONAL_COLUMNS,
  type AuthorityImportKind,
  type AuthorityImportResponse,
  IMPORT_ERROR_ROWS_STORED,
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
import { isInScope } from '../security/region-scope.util';
import type { AuthorityImportEntity } from './authority-import.entity';
import { AuthorityImportRepository } from './authority-import.repository';
import { type AuthorityRow, FACT_KIND, parseAuthorityRow, type RowError } from './authority-row.util';
import { parseCsv } from './csv-upload.util';
import { reconcileFacts } from './fact-reconcile.util';

const ERRORS_IN_RESPONSE = 100;

/**
 * Authority CSV feeds, in two steps taken by two people. Upload: the file is parsed in the request, each ID
 * number HMAC'ed as soon as it is read (neither the file nor a plain number is stored or queued), every row
 * validated on its own content (including that it happened inside the uploader's scope), and the valid rows are
 * staged; the uploader sees only the per-row validation, never whether an ID number is registered. Approval by a
 * second staff member in scope applies the staged rows: each adds a fact or corrects the one with the same stable
 * key in place, and in the same transaction an outbox row re-scores only the residents whose facts changed; the
 * match counts appear then, in the audited run.
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
    // Aligned now, while the plain numbers are at hand: the approval only has their HMACs.
    await this.hmacs.align('id', pairs);
    errors.sort((a, b) => a.line - b.line);
    const { stored, omitted } = boundErrors(errors, 0);
    const id = newId();
    const saved = await this.repo.transaction(async (m) => {
      const seq = await this.repo.nextSeq(m);
      const entity: AuthorityImportEntity = {
        id,
        seq,
        kind: FACT_KIND[kind],
        status: 'staged',
        fileSha256: createHash('sha256').update(bytes).digest(),
        rowsTotal: csv.length,
        rowsValid: good.length,
        rowsImported: 0,
        rowsUpdated: 0,
        rowsDuplicate: 0,
        rowsFailed: new Set(errors.map((e) => e.line)).size,
        errorsOmitted: omitted,
        matched: 0,
        runId: null,
        createdBy: staff.staffId,
        regionScope: staff.regionScope,
        createdAt: now,
        decidedBy: null,
        decidedAt: null,
      };
      await this.repo.insert(m, entity);
      await this.repo.insertStaged(m, id, good);
      await this.repo.insertErrors(m, id, stored);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'import.staged',
          target: { type: 'authority-import', id },
          region: staff.regionScope || null,
          details: { seq, kind, rowsTotal: entity.rowsTotal, rowsValid: good.length, rowsFailed: entity.rowsFailed },
        },
        m,
      );
      return entity;
    });
    return this.view(saved, stored.slice(0, ERRORS_IN_RESPONSE), staff);
  }

  /**
   * The second person applies a staged import: not the uploader, and only within scope of the import (the
   * uploader's scope). A replayed or concurrent approval finds it applied and changes nothing.
   */
  async approve(staff: StaffPrincipal, id: string): Promise<AuthorityImportResponse> {
    const found = await this.load(id, staff);
    if (found.createdBy === staff.staffId)
      throw new DomainException(ApiErrorCode.Forbidden, 'A second staff member must approve: you uploaded this file');
    if (found.status !== 'staged') throw notStaged(found.status);
    const now = this.clock.now();
    const saved = await this.repo.transaction(async (m) => {
      const row = await this.repo.lockImport(m, id);
      if (!row || row.status !== 'staged') throw notStaged(row?.status ?? 'rejected');
      const { rows: good, staleKeys } = await this.repo.stagedRows(m, id);
      if (staleKeys > 0)
        throw new DomainException(
          ApiErrorCode.Conflict,
          'A PII key rotation is moving this upload’s rows: approve again once it has finished',
        );
      const onFile = await this.repo.lockByKeys(
        m,
        good.map((r) => r.factKey),
      );
      // Judged against the uploader's scope, like the rows themselves: the approver confirms, not widens, it.
      const plan = reconcileFacts(good, onFile, row.regionScope);
      const imported = await this.repo.insertFacts(m, id, plan.inserts, now);
      await this.repo.updateFacts(
        m,
        id,
        plan.updates.map((u) => ({
          factId: u.factId,
          kind: u.row.kind,
          idHmac: u.row.idHmac,
          importSeq: row.seq,
          data: u.row.data,
          region: u.row.region,
          fields: u.fields,
        })),
        now,
      );
      const { stored, omitted } = boundErrors(plan.errors, await this.repo.countErrors(m, id));
      await this.repo.insertErrors(m, id, stored);
      await this.repo.deleteStaged(m, id);
      const changed = imported + plan.updates.length;
      const matched = changed > 0 ? await this.repo.countMatched(m, id) : 0;
      const runId =
        matched > 0
          ? await this.runs.enqueue(m, {
              kind: 'import',
              cause: 'authority-import',
              causeRef: `import:${row.seq}`,
              importId: id,
              payload: null,
              availableAt: now,
              createdBy: staff.staffId,
            })
          : null;
      const fields: Partial<AuthorityImportEntity> = {
        status: 'applied',
        rowsImported: imported,
        rowsUpdated: plan.updates.length,
        rowsDuplicate: good.length - imported - plan.updates.length - plan.errors.length,
        rowsFailed: row.rowsFailed + new Set(plan.errors.map((e) => e.line)).size,
        errorsOmitted: row.errorsOmitted + omitted,
        matched,
        runId,
        decidedBy: staff.staffId,
        decidedAt: now,
      };
      await this.repo.update(m, id, fields);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'import.applied',
          target: { type: 'authority-import', id },
          region: row.regionScope || null,
          details: {
            seq: row.seq,
            kind: row.kind,
            uploadedBy: row.createdBy,
            rowsTotal: row.rowsTotal,
            rowsImported: imported,
            rowsUpdated: plan.updates.length,
            rowsFailed: fields.rowsFailed,
            matched,
            runId,
          },
        },
        m,
      );
      return { ...row, ...fields } as AuthorityImportEntity;
    });
    this.runs.notify(saved.runId);
    return this.view(saved, await this.repo.listErrors(id, ERRORS_IN_RESPONSE), staff);
  }

  /** Drops a staged import (the uploader may withdraw their own upload; anyone in scope may refuse it). */
  async reject(staff: StaffPrincipal, id: string): Promise<AuthorityImportResponse> {
    const found = await this.load(id, staff);
    if (found.status !== 'staged') throw notStaged(found.status);
    const now = this.clock.now();
    const saved = await this.repo.transaction(async (m) => {
      const row = await this.repo.lockImport(m, id);
      if (!row || row.status !== 'staged') throw notStaged(row?.status ?? 'rejected');
      await this.repo.deleteStaged(m, id);
      const fields: Partial<AuthorityImportEntity> = { status: 'rejected', decidedBy: staff.staffId, decidedAt: now };
      await this.repo.update(m, id, fields);
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'import.rejected',
          target: { type: 'authority-import', id },
          region: row.regionScope || null,
          details: { seq: row.seq, uploadedBy: row.createdBy },
        },
        m,
      );
      return { ...row, ...fields } as AuthorityImportEntity;
    });
    return this.view(saved, await this.repo.listErrors(id, ERRORS_IN_RESPONSE), staff);
  }

  async get(staff: StaffPrincipal, id: string): Promise<AuthorityImportResponse> {
    const row = await this.load(id, staff);
    return this.view(row, await this.repo.listErrors(id, ERRORS_IN_RESPONSE), staff);
  }

  /** The imports inside the caller's scope, newest first. */
  async list(staff: StaffPrincipal): Promise<{ items: AuthorityImportResponse[] }> {
    return { items: (await this.repo.list(staff.regionScope)).map((r) => this.view(r, [], staff)) };
  }

  /** The full per-row error report as CSV: line, field, message; a last line counts the errors not stored. */
  async errorReport(staff: StaffPrincipal, id: string): Promise<string> {
    const row = await this.load(id, staff);
    const rows = await this.repo.listErrors(id);
    const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const lines = ['line,field,message', ...rows.map((e) => `${e.line},${quote(e.field)},${quote(e.message)}`)];
    if (row.errorsOmitted > 0) lines.push(`,,${row.errorsOmitted} more errors not stored`);
    return lines.join('\n') + '\n';
  }

  /** An import outside the caller's scope answers exactly like a missing one. */
  private async load(id: string, staff: StaffPrincipal): Promise<AuthorityImportEntity> {
    const row = isUuid(id) ? await this.repo.find(id) : null;
    if (!row || !isInScope(staff.regionScope, row.regionScope))
      throw new DomainException(ApiErrorCode.NotFound, 'No such import');
    return row;
  }

  private view(r: AuthorityImportEntity, errors: RowError[], staff: StaffPrincipal): AuthorityImportResponse {
    const kind = ({ case: 'cases', contact: 'contacts', booking: 'bookings' } as const)[r.kind];
    const applied = r.status === 'applied';
    return {
      id: r.id,
      seq: r.seq,
      kind,
      status: r.status,
      rowsTotal: r.rowsTotal,
      rowsValid: r.rowsValid,
      rowsFailed: r.rowsFailed,
      errorsOmitted: r.errorsOmitted,
      rowsImported: applied ? r.rowsImported : null,
      rowsUpdated: applied ? r.rowsUpdated : null,
      rowsDuplicate: applied ? r.rowsDuplicate : null,
      matched: applied ? r.matched : null,
      runId: r.runId,
      createdAt: r.createdAt.toISOString(),
      mine: r.createdBy === staff.staffId,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      errors: errors.map((e) => ({ line: e.line, field: e.field, message: e.message })),
    };
  }
}

/** Stores at most IMPORT_ERROR_ROWS_STORED error rows per import (`already` stored before); the rest are counted. */
function boundErrors(errors: readonly RowError[], already: number): { stored: RowError[]; omitted: number } {
  const room = Math.max(0, IMPORT_ERROR_ROWS_STORED - already);
  return { stored: errors.slice(0, room), omitted: Math.max(0, errors.length - room) };
}

const notStaged = (status: string) =>
  new DomainException(
    ApiErrorCode.IllegalTransition,
    status === 'applied' ? 'This import was already applied' : 'This import was rejected; upload it again',
  );
