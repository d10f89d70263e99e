import { rateLimitForRoute } from './rate-limit-policy.util';

describe('rateLimitForRoute', () => {
  it('limits sign-up, logins and anything that records scans', () => {
    expect(rateLimitForRoute('PUT', '/api/v1/me/profile')).toBe('sign-up');
    expect(rateLimitForRoute('POST', '/api/v1/auth/host-login')).toBe('host-login');
    expect(rateLimitForRoute('POST', '/api/v1/staff/login')).toBe('staff-login');
    expect(rateLimitForRoute('POST', '/api/v1/checkpoint/scans')).toBe('scan');
    expect(rateLimitForRoute('POST', '/api/v1/checkpoints/:id/scans')).toBe('scan');
    expect(rateLimitForRoute('POST', '/api/v1/checkpoints/:id/scans/batch')).toBe('scan');
  });

  it('leaves other routes alone', () => {
    expect(rateLimitForRoute('GET', '/api/v1/me/profile')).toBeNull();
    expect(rateLimitForRoute('GET', '/api/v1/checkpoint/scans')).toBeNull();
    expect(rateLimitForRoute('POST', undefined)).toBeNull();
  });
});
