import { E2eContext } from '../utils/e2e-context';

describe('public rules (e2e, no login)', () => {
  let ctx: E2eContext;
  let http: E2eContext['http'];
  beforeAll(async () => {
    ctx = await E2eContext.create();
    ({ http } = ctx);
  });
  afterAll(() => ctx?.close());

  it('explains the effective rules for a region in zh-CN and English', async () => {
    const res = await http.get('/api/v1/rules?region=330106');
    expect(res.status).toBe(200);
    expect(res.body.region).toBe('330106');
    expect(res.body.ruleSetVersion).toBeGreaterThanOrEqual(1);
    const ids = res.body.rules.map((r: { ruleId: string }) => r.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['case-status', 'close-contact', 'high-risk-region']));
    for (const rule of res.body.rules) {
      expect(rule.text['zh-CN'].length).toBeGreaterThan(5);
      expect(rule.text.en.length).toBeGreaterThan(5);
    }
  });

  it('accepts the 6-digit province and city codes and answers the canonical prefix', async () => {
    for (const [code, canonical] of [
      ['330100', '3301'],
      ['330000', '33'],
      ['3301', '3301'],
    ]) {
      const res = await http.get(`/api/v1/rules?region=${code}`);
      expect(res.status).toBe(200);
      expect(res.body.region).toBe(canonical);
    }
  });

  it('refuses a missing, malformed or unknown region with a field message', async () => {
    for (const q of ['', '?region=abc', '?region=999999', '?region=3300', '?region=330106&x=1']) {
      const res = await http.get(`/api/v1/rules${q}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('lists the changelog (empty until a rule set is published)', async () => {
    const res = await http.get('/api/v1/rules/changelog');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
  });

  it('serves the consent text with its version', async () => {
    const res = await http.get('/api/v1/consent');
    expect(res.body.version).toBe('2026-11-v1');
    expect(res.body.body['zh-CN']).toContain('去过哪里');
  });
});
