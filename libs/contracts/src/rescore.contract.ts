import type { Color } from './color.constant';

export const RESCORE_RUN_KINDS = ['publish', 'risk', 'import', 'preview'] as const;
export type RescoreRunKind = (typeof RESCORE_RUN_KINDS)[number];

/** `GET /api/v1/rescore/runs/:id`: enough for a progress bar (done of total, rate, ETA). */
export interface RescoreRunResponse {
  id: string;
  kind: RescoreRunKind;
  /** "rules:3", "import:12", "risk:<run>"; null for previews. */
  causeRef: string | null;
  state: 'scheduled' | 'queued' | 'running' | 'finished';
  availableAt: string;
  createdAt: string;
  dispatchedAt: string | null;
  finishedAt: string | null;
  done: number;
  total: number;
  /** Residents per second since dispatch. */
  rate: number;
  etaSeconds: number | null;
  /** Residents whose code changed (or, for a preview, whose colour would change). */
  changed: number;
  /** Residents whose colour itself changed (a preview: whose colour would change). */
  colorChanged: number;
  ranges: number;
  rangesDone: number;
  /** Previews only, once every range is done. */
  preview?: PreviewResult;
}

/** `GET /api/v1/rescore/runs`: the newest re-scoring runs that change codes (previews are left out). */
export interface RescoreRunListResponse {
  items: RescoreRunResponse[];
}

export interface PreviewResult {
  changed: number;
  transitions: { from: Color | null; to: Color; count: number }[];
  /** The 20 districts with the most changes. */
  regions: { region: string; count: number }[];
  /** 20 affected residents, pseudonymised: no id, name or ID number. */
  samples: {
    pseudonym: string;
    region: string;
    from: Color | null;
    to: Color;
    ruleIds: string[];
    greenAt: string | null;
  }[];
}
