import { createHash } from 'node:crypto';

import type { Color } from '@healthcode/contracts';

import type { ScoredResident } from '../code/code-diff.util';

export const PREVIEW_SAMPLE_SIZE = 20;
export const PREVIEW_TOP_REGIONS = 20;

export interface PreviewSample {
  /** A stable pseudonym for this preview only: no resident id, name or ID number leaves the worker. */
  pseudonym: string;
  region: string;
  from: Color | null;
  to: Color;
  ruleIds: string[];
  greenAt: string | null;
}

export interface PreviewSlice {
  changed: number;
  transitions: Record<string, number>;
  regions: Record<string, number>;
  samples: PreviewSample[];
}

export interface PreviewSummary {
  changed: number;
  transitions: { from: Color | null; to: Color; count: number }[];
  regions: { region: string; count: number }[];
  samples: PreviewSample[];
}

/** Tallies one range of a what-if run: residents whose colour would change. */
export class PreviewTally {
  private readonly slice: PreviewSlice = { changed: 0, transitions: {}, regions: {}, samples: [] };

  constructor(private readonly runId: string) {}

  get changed(): number {
    return this.slice.changed;
  }

  /**
   * `count` residents scored as `s` (one of them: the sample, if taken) against the colour of their stored codes
   * (undefined: no code yet).
   */
  add(s: ScoredResident, stored: Color | undefined, count = 1): void {
    const from = stored ?? null;
    if (from === s.evaluation.color || count <= 0) return;
    this.slice.changed += count;
    const key = `${from ?? 'none'}>${s.evaluation.color}`;
    this.slice.transitions[key] = (this.slice.transitions[key] ?? 0) + count;
    this.slice.regions[s.region] = (this.slice.regions[s.region] ?? 0) + count;
    if (this.slice.samples.length < PREVIEW_SAMPLE_SIZE) {
      this.slice.samples.push({
        pseudonym: createHash('sha256').update(`${this.runId}:${s.residentId}`).digest('hex').slice(0, 12),
        region: s.region,
        from,
        to: s.evaluation.color,
        ruleIds: [...new Set(s.evaluation.reasons.map((r) => r.ruleId))],
        greenAt: s.evaluation.greenAt,
      });
    }
  }

  toJSON(): PreviewSlice {
    return this.slice;
  }
}

/** Adds up the slices of a preview: transition counts, the top regions and the first samples. */
export function mergePreview(slices: readonly PreviewSlice[]): PreviewSummary {
  const transitions = new Map<string, number>();
  const regions = new Map<string, number>();
  const samples: PreviewSample[] = [];
  let changed = 0;
  for (const s of slices) {
    changed += s.changed;
    for (const [k, n] of Object.entries(s.transitions)) transitions.set(k, (transitions.get(k) ?? 0) + n);
    for (const [k, n] of Object.entries(s.regions)) regions.set(k, (regions.get(k) ?? 0) + n);
    for (const sample of s.samples) if (samples.length < PREVIEW_SAMPLE_SIZE) samples.push(sample);
  }
  return {
    changed,
    transitions: [...transitions.entries()]
      .map(([k, count]) => {
        const [from, to] = k.split('>');
        return { from: from === 'none' ? null : (from as Color), to: to as Color, count };
      })
      .sort((a, b) => b.count - a.count),
    regions: [...regions.entries()]
      .map(([region, count]) => ({ region, count }))
      .sort((a, b) => b.count - a.count || (a.region < b.region ? -1 : 1))
      .slice(0, PREVIEW_TOP_REGIONS),
    samples,
  };
}
