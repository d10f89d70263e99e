export interface AppealPolicy {
  firstResponseSeconds: number;
  decisionSeconds: number;
  loweringNeedsApproval: boolean;
}

/** The policy of the longest region prefix that covers `region`; the defaults when none does. */
export function resolveAppealPolicy(
  region: string,
  rows: (AppealPolicy & { regionPrefix: string })[],
  defaults: AppealPolicy,
): AppealPolicy {
  const match = rows
    .filter((r) => region.startsWith(r.regionPrefix))
    .sort((a, b) => b.regionPrefix.length - a.regionPrefix.length)[0];
  if (!match) return defaults;
  return {
    firstResponseSeconds: match.firstResponseSeconds,
    decisionSeconds: match.decisionSeconds,
    loweringNeedsApproval: match.loweringNeedsApproval,
  };
}
