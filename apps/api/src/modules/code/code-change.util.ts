import { addDays, type CodeEvaluation, type CodeReason, cstDate, cstMidnight } from '@healthcode/contracts';

/** What counts as a change worth a history row: colour, greenAt, or the reasons themselves (not their wording). */
export function codeFingerprint(
  e: Pick<CodeEvaluation, 'color' | 'greenAt'> & { reasons: readonly Omit<CodeReason, 'text'>[] },
): string {
  const reasons = e.reasons.map((r) => [
    r.ruleId,
    r.ruleVersion,
    r.color,
    r.since,
    r.until,
    Boolean(r.suppressed),
    r.fact?.source,
    r.fact?.kind,
  ]);
  return JSON.stringify([e.color, e.greenAt, reasons]);
}

/**
 * When an evaluation can change with the passage of time alone. A code with reasons is re-read at the next
 * CST midnight (a greenAt may pass, a check-in becomes due); a plain green code only changes through events.
 */
export function staleAtFor(e: Pick<CodeEvaluation, 'color' | 'reasons'>, now: Date): Date | null {
  if (e.color === 'green' && e.reasons.length === 0) return null;
  return cstMidnight(addDays(cstDate(now), 1));
}
