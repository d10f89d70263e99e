/**
 * GET /me/retention, as the app reads it. The API describes it in its retention service, not in
 * `@healthcode/contracts` (yet), so the shape is written down here.
 */
export interface RetentionItem {
  /** 'declarations', 'check-ins', 'checkpoint-scans', … (one per kind of record the API purges). */
  kind: string;
  id: string;
  at: string;
  deleteAt: string;
}

export interface RetentionSummary {
  policy: { checkpointScans: number; declarations: number; closedAppeals: number };
  items: RetentionItem[];
}
