import type { ScoredResident } from '../code/code-diff.util';

/** Evaluations one preview run keeps for its ranges at most: a few tens of MB of reasons and steps. */
export const PREVIEW_EVALUATIONS_PER_RUN = 10_000;

/**
 * The evaluations of the latest preview run this process worked on, shared by all of that run's ranges: a preview
 * scores every range with the run's rules at the run's own instant, so residents with the same self-declared key
 * get the same evaluation in any range (exact). One run at a time: another run's range replaces it, and a re-score
 * clears it, so what is held never outlives the preview by much.
 */
export class PreviewEvaluations {
  private runId: string | null = null;
  private evaluations = new Map<string, ScoredResident>();

  /** The run's shared evaluations (a fresh map when the run is not the one held). */
  forRun(runId: string): Map<string, ScoredResident> {
    if (this.runId !== runId) {
      this.runId = runId;
      this.evaluations = new Map();
    }
    return this.evaluations;
  }

  clear(): void {
    this.runId = null;
    this.evaluations = new Map();
  }
}
