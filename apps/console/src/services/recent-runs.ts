import { clock } from './clock';

/**
 * Re-scoring runs started from this tab (publishing, risk changes, imports), newest first, for the dashboard.
 * The API has no "list runs" endpoint yet; it serves each run by id.
 */
export interface RecentRun {
  id: string;
  /** What started it, in the words of the screen that did ("330106 → high", "import #12"). */
  label: string;
  startedAt: string;
}

const KEY = 'healthcode.console.recent-runs';
const MAX = 10;

export function recentRuns(): RecentRun[] {
  try {
    const parsed = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as RecentRun[]) : [];
  } catch {
    return [];
  }
}

export function rememberRun(id: string, label: string, now = clock.now()): void {
  const runs = [{ id, label, startedAt: now.toISOString() }, ...recentRuns().filter((r) => r.id !== id)].slice(0, MAX);
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(runs));
  } catch {
    // storage disabled: the dashboard simply lists nothing
  }
}
