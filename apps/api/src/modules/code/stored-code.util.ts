import type { CodeReason, CodeStep, LocalizedText } from '@healthcode/contracts';
import { renderJoined, TEMPLATES, type TemplateRef } from '@healthcode/rules';

import { withRegionNames } from './region-names.util';

/**
 * How codes are stored (issue #16, compact reasons): a reason or step keeps its rule, version, template, parameters,
 * fact and dates, but not its rendered `text`, which is rendered again on every read (with region names) by the
 * one renderer in libs/rules. A reason whose template this engine does not know keeps its stored words.
 */
export type StoredReason = Omit<CodeReason, 'text'> & { text?: LocalizedText };
export type StoredStep = Omit<CodeStep, 'text'> & { template?: string; params?: unknown; text?: LocalizedText };
/** `green_when`: the templates it is rendered from (`renderJoined`), or its words (rows stored before, or no parts). */
export type StoredGreenWhen = readonly TemplateRef[] | LocalizedText;
/**
 * `code_history.reasons_before`: what changed against `reasons_after` of the same row. Each reason the code had
 * before is the index of the same reason in `reasons_after`; or `[index, fields]` when the reason about the same
 * fact (same rule, template and fact) is there with other values of some fields (a new rule version, a new end),
 * `fields` being the values it had before; or, for a reason the code no longer has, the stored reason itself.
 * Rows stored before hold only reasons, and read the same way.
 */
export type StoredReasonsBefore = (number | [number, Partial<StoredReason>] | StoredReason)[];

/** The stored JSON of one code's content, as the code writer writes it and compares it. */
export interface StoredCodeJson {
  reasons: StoredReason[];
  reasonsJson: string;
  stepsJson: string;
  greenWhenJson: string | null;
}

type Item = { text?: LocalizedText; template?: unknown; params?: unknown };

function renders(item: Item): boolean {
  return (
    typeof item.template === 'string' &&
    Object.hasOwn(TEMPLATES, item.template) &&
    typeof item.params === 'object' &&
    item.params !== null
  );
}

/** Leaves out the rendered text of a reason or step whose template and params render it again. */
export function compactItem<T extends Item>(item: T): T {
  if (item.text === undefined || !renders(item)) return item;
  const { text: _text, ...rest } = item;
  return rest as T;
}

/** A fresh evaluation in its stored form (what `resident_codes` holds), serialised once. */
export function storedCodeJson(e: {
  reasons: readonly StoredReason[];
  steps: readonly StoredStep[];
  greenWhen: LocalizedText | null;
  greenWhenParts?: readonly TemplateRef[] | null;
}): StoredCodeJson {
  const reasons = e.reasons.map(compactItem);
  const greenWhen: StoredGreenWhen | null = e.greenWhen ? (e.greenWhenParts ?? e.greenWhen) : null;
  return {
    reasons,
    reasonsJson: JSON.stringify(reasons),
    stepsJson: JSON.stringify(e.steps.map(compactItem)),
    greenWhenJson: greenWhen === null ? null : JSON.stringify(greenWhen),
  };
}

const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Stored reasons (JSON text, or as the driver parsed it; either stored form) in the compact form. */
export function parseStoredReasons(json: unknown): StoredReason[] {
  return (parsed(json) as StoredReason[]).map(compactItem);
}

const subjectOf = (r: StoredReason) => JSON.stringify([r.ruleId, r.template, r.fact]);

/** The fields of `r` that differ from `base`, when both have the same fields in the same order; else null. */
function changedFields(base: StoredReason, r: StoredReason): Partial<StoredReason> | null {
  const keys = Object.keys(r);
  const baseKeys = Object.keys(base);
  if (keys.length !== baseKeys.length || keys.some((k, i) => k !== baseKeys[i])) return null;
  const changed: Record<string, unknown> = {};
  for (const k of keys) {
    const value = (r as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(value) !== JSON.stringify((base as unknown as Record<string, unknown>)[k])) changed[k] = value;
  }
  return changed as Partial<StoredReason>;
}

/** `reasons_before` of a history row (`StoredReasonsBefore`): only what changed against the reasons `after`. */
export function reasonsBeforeJson(before: readonly StoredReason[], after: readonly StoredReason[]): string {
  if (before.length === 0) return '[]';
  const index = new Map(after.map((r, i) => [JSON.stringify(r), i]));
  const bySubject = new Map<string, number>();
  after.forEach((r, i) => {
    if (!bySubject.has(subjectOf(r))) bySubject.set(subjectOf(r), i);
  });
  const delta = before.map((item): StoredReasonsBefore[number] => {
    const r = compactItem(item);
    const same = index.get(JSON.stringify(r));
    if (same !== undefined) return same;
    const i = bySubject.get(subjectOf(r));
    const changed = i === undefined ? null : changedFields(after[i], r);
    return changed && i !== undefined ? [i, changed] : r;
  });
  return JSON.stringify(delta);
}

/** `green_when` as shown: rendered from its parts (without region names, as the engine words it), or its words. */
export function renderGreenWhen(stored: StoredGreenWhen | null): LocalizedText | null {
  if (stored === null) return null;
  return Array.isArray(stored) ? renderJoined(stored as readonly TemplateRef[]) : (stored as LocalizedText);
}

/**
 * The one read of a stored code's content: reasons and steps rendered with region names, greenWhen rendered.
 * Every reader of `resident_codes` content goes through here (the code page, hotline, appeals, the view cache).
 */
export function renderStoredCode(row: {
  reasons: unknown;
  steps: unknown;
  greenWhen: unknown;
}): Pick<CodeReasonsView, 'reasons' | 'steps' | 'greenWhen'> {
  const named = withRegionNames({
    reasons: parsed(row.reasons) as StoredReason[],
    steps: parsed(row.steps) as StoredStep[],
  });
  return {
    reasons: named.reasons,
    steps: named.steps,
    greenWhen: renderGreenWhen((parsed(row.greenWhen) ?? null) as StoredGreenWhen | null),
  };
}

/** The one read of a history row's reasons: `reasons_before` resolved against `reasons_after`, both rendered. */
export function renderStoredHistory(row: { reasonsBefore: unknown; reasonsAfter: unknown }): {
  reasonsBefore: CodeReason[];
  reasonsAfter: CodeReason[];
} {
  const after = parsed(row.reasonsAfter) as StoredReason[];
  const before = (parsed(row.reasonsBefore) as StoredReasonsBefore).map((r) =>
    typeof r === 'number' ? after[r] : Array.isArray(r) ? { ...after[r[0]], ...r[1] } : r,
  );
  return {
    reasonsBefore: withRegionNames({ reasons: before }).reasons,
    reasonsAfter: withRegionNames({ reasons: after }).reasons,
  };
}

interface CodeReasonsView {
  reasons: CodeReason[];
  steps: CodeStep[];
  greenWhen: LocalizedText | null;
}
