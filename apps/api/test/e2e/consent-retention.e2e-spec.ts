import { E2eContext } from '../utils/e2e-context';
import { CONSENT_VERSION } from '../utils/resident.factory';

describe('the consent text states the configured retention, and its version follows the text (e2e)', () => {
  let ctx: E2eContext;
  beforeAll(async () => {
    ctx = await E2eContext.create({ env: { RETENTION_DECLARATION_DAYS: '90' } });
  });
  afterAll(() => ctx?.close());

  it('shows 90 days under a new version and refuses a sign-up that accepted the 60-day text', async () => {
    const consent = (await ctx.http.get('/api/v1/consent')).body;
    expect(consent.body.en).toContain('declarations are deleted after 90 days');
    expect(consent.version).not.toBe(CONSENT_VERSION);
    await expect(ctx.newResident()).rejects.toThrow(/consent/i);
    const accepted = await ctx.newResident({ consentVersion: consent.version });
    expect(accepted.residentId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
