import { CALLERS, expectedOutcome, PERMISSION_MATRIX, type RoutePermission } from './permission-matrix';

export const TABLE_START =
  '<!-- permission-matrix:start (generated from apps/api/src/modules/security/permission-matrix.ts) -->';
export const TABLE_END = '<!-- permission-matrix:end -->';

function cell(p: RoutePermission, caller: (typeof CALLERS)[number]): string {
  if (p.access === 'device') return caller === 'anonymous' ? 'device credential' : '—';
  if (p.access === 'queue-ticket') return caller === 'system-admin' ? 'ticket' : '—';
  const outcome = expectedOutcome(p, caller, true);
  if (outcome !== 'allowed') return '—';
  if (!p.scope || caller === 'anonymous' || caller === 'resident') return '✓';
  return `✓ (${p.scope.mode === 'filter' ? 'filtered' : 'in scope'})`;
}

/** The Markdown table docs/SECURITY.md carries between the markers; the permission test keeps them equal. */
export function renderPermissionTable(matrix: Readonly<Record<string, RoutePermission>> = PERMISSION_MATRIX): string {
  const header = `| Route | ${CALLERS.join(' | ')} | Scope limits | What it does |`;
  const rule = `|${' --- |'.repeat(CALLERS.length + 3)}`;
  const rows = Object.entries(matrix).map(([route, p]) => {
    const how = {
      deny: 'refused outside scope',
      filter: 'filtered to scope',
      content: 'changes refused outside scope',
    };
    const scope = p.scope ? `${how[p.scope.mode]}: ${p.scope.on}` : '';
    return `| \`${route}\` | ${CALLERS.map((c) => cell(p, c)).join(' | ')} | ${scope} | ${p.summary}${p.optional ? ' (when configured)' : ''} |`;
  });
  return [TABLE_START, header, rule, ...rows, TABLE_END].join('\n');
}
