import { EnvSchema } from '../../config/env.schema';
import { DEFAULT_RETENTION_DAYS } from '../../config/retention-defaults.constant';
import { CONSENT_BASE_VERSION, consentFor, CURRENT_CONSENT } from './consent.constant';

describe('consent text', () => {
  it('states the default retention under the base version, and the env defaults are those same numbers', () => {
    expect(CURRENT_CONSENT.version).toBe(CONSENT_BASE_VERSION);
    expect(CURRENT_CONSENT.body.en).toContain(
      'declarations are deleted after 60 days, scans after 28 days, closed appeals after 180 days',
    );
    expect(CURRENT_CONSENT.body['zh-CN']).toContain('申报 60 天、扫码记录 28 天、已结束的申诉 180 天');
    const env = EnvSchema.parse({});
    expect({
      declarationDays: env.RETENTION_DECLARATION_DAYS,
      scanDays: env.RETENTION_SCAN_DAYS,
      appealDays: env.RETENTION_APPEAL_DAYS,
    }).toEqual(DEFAULT_RETENTION_DAYS);
  });

  it('a configured retention changes the text and so the version residents must accept again', () => {
    const consent = consentFor({ declarationDays: 90, scanDays: 28, appealDays: 180 });
    expect(consent.body.en).toContain('declarations are deleted after 90 days');
    expect(consent.body['zh-CN']).toContain('申报 90 天');
    expect(consent.version).not.toBe(CONSENT_BASE_VERSION);
    expect(consent.version).toBe(`${CONSENT_BASE_VERSION}+r90-28-180`);
    expect(consentFor({ ...DEFAULT_RETENTION_DAYS }).version).toBe(CONSENT_BASE_VERSION);
  });
});
