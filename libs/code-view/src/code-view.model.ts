import type { Color } from '@healthcode/contracts';

/** One reason as displayed: every text already in the reader's language. */
export interface ReasonLine {
  key: string;
  color: Color;
  colorLabel: string;
  source: string;
  text: string;
  /** Set when a staff decision overrides this reason for now. */
  suppressed: string | null;
  since: string | null;
  until: string | null;
  rule: string;
}

export interface StepLine {
  id: string;
  text: string;
  progress: { done: number; total: number; caption: string } | null;
}

/** The resident's code page below the QR: the colour, why, when it turns green and what to do. */
export interface CodeView {
  color: Color;
  colorLabel: string;
  /** When a yellow or red code turns green (a date or the condition); null for green or when unknown. */
  outlook: string | null;
  reasonsHeading: string;
  /** The empty-state text, set only when there are no reasons. */
  noReasons: string | null;
  reasons: ReasonLine[];
  stepsHeading: string;
  steps: StepLine[];
}

/** One change of colour in the history, as displayed. */
export interface HistoryLine {
  id: string;
  at: string;
  colorBefore: { color: Color; label: string } | null;
  colorAfter: { color: Color; label: string };
  cause: string;
  greenBy: string | null;
}
