import {
  deviceAuthorization,
  deviceSecretMatches,
  generateDeviceSecret,
  hashDeviceSecret,
  parseDeviceAuthorization,
} from './device-secret.util';

describe('device secrets', () => {
  const id = '0191c0de-0000-7000-8000-000000000001';

  it('round-trips the Authorization header and matches only the right secret', () => {
    const secret = generateDeviceSecret();
    expect(secret).toHaveLength(43);
    const parsed = parseDeviceAuthorization(deviceAuthorization(id, secret));
    expect(parsed).toEqual({ credentialId: id, secret });
    expect(deviceSecretMatches(secret, hashDeviceSecret(secret))).toBe(true);
    expect(deviceSecretMatches(generateDeviceSecret(), hashDeviceSecret(secret))).toBe(false);
  });

  it('refuses other schemes and shapes', () => {
    const secret = generateDeviceSecret();
    for (const header of [
      undefined,
      '',
      `Bearer ${id}.${secret}`,
      `Device ${id}`,
      `Device nope.${secret}`,
      `Device ${id}.${secret}x`,
      `Device ${id}.short`,
    ]) {
      expect(parseDeviceAuthorization(header)).toBeNull();
    }
  });
});
