import { isInScope } from '../security/region-scope.util';

export interface Candidate {
  id: string;
  regionScope: string;
  open: number;
}

/**
 * Picks a staff member whose region scope covers `region`, at random weighted by 1 / (1 + open appeals):
 * an idle agent is twice as likely as one holding one appeal, and nobody is starved or flooded.
 */
export function pickByLoad(
  candidates: Candidate[],
  region: string,
  random: () => number = Math.random,
): Candidate | null {
  const eligible = candidates.filter((c) => isInScope(c.regionScope, region));
  if (eligible.length === 0) return null;
  const weights = eligible.map((c) => 1 / (1 + c.open));
  let r = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < eligible.length; i++) {
    r -= weights[i];
    if (r < 0) return eligible[i];
  }
  return eligible[eligible.length - 1];
}
