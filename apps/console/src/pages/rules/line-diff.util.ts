export interface DiffRow {
  left: string | null;
  right: string | null;
  /** 'same' rows are unchanged; 'removed' only left, 'added' only right. */
  kind: 'same' | 'removed' | 'added';
}

/** Side-by-side rows of two texts, aligned on their longest common subsequence of lines. */
export function sideBySide(leftText: string, rightText: string): DiffRow[] {
  const a = leftText.split('\n');
  const b = rightText.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ left: a[i++], right: b[j++], kind: 'same' });
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      rows.push({ left: null, right: b[j++], kind: 'added' });
    } else {
      rows.push({ left: a[i++], right: null, kind: 'removed' });
    }
  }
  return rows;
}

/** Stable, readable JSON for diffing: keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(value), null, 2);
}
