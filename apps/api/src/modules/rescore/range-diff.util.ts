import type { CodeEvaluation, CodeReason, Color } from '@healthcode/contracts';

import { codeFingerprint, staleAtFor } from '../code/code-change.util';
import { ColorDeltas } from '../color-counts/color-delta.util';

/** A stored `resident_codes` row with its JSON columns left as the text the database holds. */
export interface StoredCode {
  residentId: string;
  color: Color;
  reasonsJson: string;
  greenAt: string | null;
  greenWhenJson: string | null;
  stepsJson: string;
  codeId: string;
  codeVersion: number;
  colorChangedAt: Date;
  region: string;
  staleAt: Date | null;
}

export interface ScoredResident {
  residentId: string;
  region: string;
  evaluation: CodeEvaluation;
}

export type CodeRow = StoredCode & { ruleSetVersion: number; evaluatedAt: Date };

export interface HistoryRow {
  residentId: string;
  colorBefore: Color | null;
  colorAfter: Color;
  reasonsBeforeJson: string;
  reasonsAfterJson: string;
  greenAtAfter: string | null;
}

export interface RangeDiff {
  /** Rows whose stored evaluation differs in anything (colour, reasons, wording, steps, region, staleAt). */
  codes: CodeRow[];
  /** Only colour, reasons or greenAt changes (codeFingerprint): what a resident sees in their history. */
  history: HistoryRow[];
  deltas: ColorDeltas;
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/**
 * Compares a range's stored codes with fresh evaluations, set-wise: what to upsert, which history rows to add
 * and how the colour counters move. Pure, so the worker's bulk path is tested without a database.
 * Unchanged residents produce nothing at all (no write, no history).
 */
export function diffRange(
  prev: ReadonlyMap<string, StoredCode>,
  scored: readonly ScoredResident[],
  ctx: { now: Date; ruleSetVersion: number; newCodeId: () => string },
): RangeDiff {
  const out: RangeDiff = { codes: [], history: [], deltas: new ColorDeltas() };
  for (const s of scored) {
    const e = s.evaluation;
    const before = prev.get(s.residentId);
    const reasonsJson = json(e.reasons);
    const greenWhenJson = e.greenWhen ? json(e.greenWhen) : null;
    const stepsJson = json(e.steps);
    const staleAt = staleAtFor(e, ctx.now);
    const sameContent =
      before !== undefined &&
      before.color === e.color &&
      before.greenAt === e.greenAt &&
      before.reasonsJson === reasonsJson &&
      before.greenWhenJson === greenWhenJson &&
      before.stepsJson === stepsJson &&
      before.region === s.region &&
      (before.staleAt?.getTime() ?? null) === (staleAt?.getTime() ?? null);
    if (sameContent) continue;
    const colorChanged = !before || before.color !== e.color;
    out.codes.push({
      residentId: s.residentId,
      color: e.color,
      reasonsJson,
      greenAt: e.greenAt,
      greenWhenJson,
      stepsJson,
      ruleSetVersion: ctx.ruleSetVersion,
      codeId: before?.codeId ?? ctx.newCodeId(),
      codeVersion: before ? before.codeVersion + (colorChanged ? 1 : 0) : 1,
      colorChangedAt: colorChanged ? ctx.now : before.colorChangedAt,
      region: s.region,
      evaluatedAt: ctx.now,
      staleAt,
    });
    out.deltas.move(before ? { region: before.region, color: before.color } : null, {
      region: s.region,
      color: e.color,
    });
    if (!before || fingerprintChanged(before, e, reasonsJson)) {
      out.history.push({
        residentId: s.residentId,
        colorBefore: before?.color ?? null,
        colorAfter: e.color,
        reasonsBeforeJson: before?.reasonsJson ?? '[]',
        reasonsAfterJson: reasonsJson,
        greenAtAfter: e.greenAt,
      });
    }
  }
  return out;
}

function fingerprintChanged(before: StoredCode, e: CodeEvaluation, reasonsJson: string): boolean {
  if (before.color !== e.color || before.greenAt !== e.greenAt) return true;
  if (before.reasonsJson === reasonsJson) return false;
  const reasons = JSON.parse(before.reasonsJson) as CodeReason[];
  return codeFingerprint({ color: before.color, greenAt: before.greenAt, reasons }) !== codeFingerprint(e);
}
