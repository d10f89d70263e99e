import type { CodeEvaluation, CodeReason, Color } from '@healthcode/contracts';
import type { TemplateRef } from '@healthcode/rules';

import { ColorDeltas } from '../color-counts/color-delta.util';
import { codeFingerprint, staleAtFor } from './code-change.util';
import { parseStoredReasons, reasonsBeforeJson, type StoredReason, storedCodeJson } from './stored-code.util';

/**
 * A stored `resident_codes` row with its JSON columns left as the text the database holds (the compact form of
 * `stored-code.util`: no rendered texts).
 */
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
  /** Known when the row was read by the code writer itself (a single resident); bulk reads leave it out. */
  revision?: number;
}

/** An evaluation as the engine returns it: `greenWhenParts` lets greenWhen be stored without its words. */
export type ScoredEvaluation = CodeEvaluation & { greenWhenParts?: readonly TemplateRef[] | null };

export interface ScoredResident {
  residentId: string;
  region: string;
  evaluation: ScoredEvaluation;
}

export type CodeRow = Omit<StoredCode, 'revision'> & {
  ruleSetVersion: number;
  evaluatedAt: Date;
  /** The stored revision plus one: exact when `revision` was read under the row lock (the single-resident path). */
  revision: number;
  /** No row was stored: written with a plain INSERT, so a concurrent first write fails (duplicate key) and retries. */
  isNew: boolean;
};

export interface HistoryRow {
  residentId: string;
  colorBefore: Color | null;
  colorAfter: Color;
  /** What changed: the reasons before, each unchanged one as its index in `reasonsAfterJson` (`StoredReasonsBefore`). */
  reasonsBeforeJson: string;
  /** The reasons after, stored compactly (as the code row holds them). */
  reasonsAfterJson: string;
  /** The same reasons as objects, for the colour-change message (no parse of what was just serialised). */
  reasonsAfter: CodeReason[];
  greenAtAfter: string | null;
}

export interface CodeDiff {
  /** Rows whose stored evaluation differs in anything (colour, reasons, wording, steps, region, staleAt). */
  codes: CodeRow[];
  /** Only colour, reasons or greenAt changes (codeFingerprint): what a resident sees in their history. */
  history: HistoryRow[];
  deltas: ColorDeltas;
}

export interface DiffContext {
  now: Date;
  ruleSetVersion: number;
  newCodeId: () => string;
  /**
   * Write unchanged residents too (new evaluatedAt and rule-set version, revision bumped; no history, no count
   * move): the single-resident path, whose callers read back the evaluation they caused.
   */
  touch?: boolean;
}

/**
 * Compares stored codes with fresh evaluations, set-wise: what to write, which history rows to add and how the
 * colour counters move. The one diff of both write paths (a bulk re-score range, and one resident: a diff of
 * one), pure, so it is tested without a database. Unchanged residents produce nothing (unless `touch`).
 */
export function diffCodes(
  prev: ReadonlyMap<string, StoredCode>,
  scored: readonly ScoredResident[],
  ctx: DiffContext,
): CodeDiff {
  const out: CodeDiff = { codes: [], history: [], deltas: new ColorDeltas() };
  // A range's residents with the same inputs share one evaluation object: its stored form is computed once.
  const stored = new Map<ScoredEvaluation, ReturnType<typeof storedCodeJson> & { staleAt: Date | null }>();
  for (const s of scored) {
    const e = s.evaluation;
    const before = prev.get(s.residentId);
    let json = stored.get(e);
    if (!json) {
      json = { ...storedCodeJson(e), staleAt: staleAtFor(e, ctx.now) };
      stored.set(e, json);
    }
    const { reasons, reasonsJson, stepsJson, greenWhenJson, staleAt } = json;
    const sameContent =
      before !== undefined &&
      before.color === e.color &&
      before.greenAt === e.greenAt &&
      before.reasonsJson === reasonsJson &&
      before.greenWhenJson === greenWhenJson &&
      before.stepsJson === stepsJson &&
      before.region === s.region &&
      (before.staleAt?.getTime() ?? null) === (staleAt?.getTime() ?? null);
    if (sameContent && !ctx.touch) continue;
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
      revision: (before?.revision ?? 0) + 1,
      isNew: !before,
    });
    if (sameContent) continue;
    out.deltas.move(before ? { region: before.region, color: before.color } : null, {
      region: s.region,
      color: e.color,
    });
    // The stored reasons are parsed (once) only when their text differs and a history row may need them.
    const reasonsBefore = before && before.reasonsJson !== reasonsJson ? parseStoredReasons(before.reasonsJson) : null;
    if (!before || fingerprintChanged(before, e, reasonsBefore)) {
      out.history.push({
        residentId: s.residentId,
        colorBefore: before?.color ?? null,
        colorAfter: e.color,
        reasonsBeforeJson: before ? reasonsBeforeJson(reasonsBefore ?? reasons, reasons) : '[]',
        reasonsAfterJson: reasonsJson,
        reasonsAfter: e.reasons,
        greenAtAfter: e.greenAt,
      });
    }
  }
  return out;
}

/** `reasonsBefore`: the stored reasons when their text differs from the fresh ones, else null (the same). */
function fingerprintChanged(before: StoredCode, e: CodeEvaluation, reasonsBefore: StoredReason[] | null): boolean {
  if (before.color !== e.color || before.greenAt !== e.greenAt) return true;
  if (reasonsBefore === null) return false;
  return (
    codeFingerprint({ color: before.color, greenAt: before.greenAt, reasons: reasonsBefore }) !== codeFingerprint(e)
  );
}
