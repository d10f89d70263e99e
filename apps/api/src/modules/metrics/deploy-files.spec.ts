import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { Clock } from '../clock/clock';
import type { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

const deploy = join(__dirname, '../../../../../deploy');
const alerts = parse(readFileSync(join(deploy, 'prometheus/alerts.yml'), 'utf8'));
const dashboard = JSON.parse(readFileSync(join(deploy, 'grafana/healthcode-dashboard.json'), 'utf8'));

/** The series names a registry exposes: histograms as _bucket, _count and _sum. */
function exposedNames(): Set<string> {
  const service = new MetricsService({} as MetricsRepository, new Clock());
  const names = new Set<string>();
  for (const metric of service.registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_count', '_sum']) names.add(`${name}${s}`);
  }
  return names;
}

const referenced = (expr: string) => [...expr.matchAll(/\bhc_[a-z_]+\b/g)].map((m) => m[0]);

describe('deploy/: alert rules and dashboard', () => {
  const names = exposedNames();
  const rules = alerts.groups.flatMap((g: { rules: { alert: string; expr: string }[] }) => g.rules);

  it('alert on a stuck re-score, breached appeal deadlines, scan errors and an audit chain that fails to verify', () => {
    expect(rules.map((r: { alert: string }) => r.alert)).toEqual(
      expect.arrayContaining([
        'HealthcodeRescoreStuck',
        'HealthcodeAppealDeadlinesBreached',
        'HealthcodeScanErrors',
        'HealthcodeAuditChainBroken',
      ]),
    );
  });

  it('use only metrics the processes export (a renamed metric fails here, not silently in production)', () => {
    const exprs = [
      ...rules.map((r: { expr: string }) => r.expr),
      ...dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr)),
    ];
    const unknown = exprs.flatMap(referenced).filter((n: string) => !names.has(n));
    expect(unknown).toEqual([]);
    expect(exprs.flatMap(referenced).length).toBeGreaterThan(20);
  });

  it('match the scan route as the HTTP histogram labels it (the route pattern, not the URL)', () => {
    const scanRule = rules.find((r: { alert: string }) => r.alert === 'HealthcodeScanErrors');
    const pattern = /route=~"([^"]+)"/.exec(scanRule.expr)![1];
    expect(new RegExp(`^${pattern}$`).test('/api/v1/checkpoints/:id/scans')).toBe(true);
    expect(new RegExp(`^${pattern}$`).test('/api/v1/checkpoints/:id/scans/batch')).toBe(true);
    expect(new RegExp(`^${pattern}$`).test('/api/v1/me/scans')).toBe(false);
  });
});
