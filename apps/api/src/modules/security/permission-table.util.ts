import { CALLERS, expectedOutcome, PERMISSION_MATRIX, type RoutePermission } from './permission-matrix';

export const TABLE_START = '<!-- permission-matrix:start (generated from apps/api/src/modules/security/permission-matrix.ts) -->';
export const TABLE_END = '<!-- permission-matrix:end -->';

function cell(p: RoutePermission, caller: (typeof CALLERS)[number]): string {
  const outcome = expectedOutcome(p, caller, true);
  if (outcome !== 'allowed') return '—';
  return p.scope && caller !== 'anonymous' && caller !== 'resident' ? `✓ (${p.scope.mode === 'deny' ? 'in scope' : 'filtered'})` : '✓';
}

/** The Markdown table docs/SECURITY.md carries between the markers; the permission test keeps them equal. */
export function renderPermissionTable(matrix: Readonly<Record<string, RoutePermission>> = PERMISSION_MATRIX): string {
  const header = `| Route | ${CALLERS.join(' | ')} | Scope limits | What it does |`;
  const rule = `|${' --- |'.repeat(CALLERS.length + 3)}`;
  const rows = Object.entries(matrix).map(([route, p]) => {
    const scope = p.scope ? `${p.scope.mode === 'deny' ? 'refused outside scope' : 'filtered to scope'}: ${p.scope.on}` : '';
    return `| \`${route}\` | ${CALLERS.map((c) => cell(p, c)).join(' | ')} | ${scope} | ${p.summary}${p.optional ? ' (when configured)' : ''} |`;
  });
  return [TABLE_START, header, rule, ...rows, TABLE_END].join('\n');
}
