import { resolveReturnPath } from './return-path.util';

describe('resolveReturnPath', () => {
  it('returns to a page the role may open', () => {
    expect(resolveReturnPath('/appeals?status=open', { role: 'hotline-agent' })).toBe('/appeals?status=open');
  });

  it('goes home when the role may not open it', () => {
    expect(resolveReturnPath('/rules', { role: 'hotline-agent' })).toBe('/dashboard');
  });

  it('goes home for anything that is not a console page', () => {
    expect(resolveReturnPath(undefined, { role: 'auditor' })).toBe('/dashboard');
    expect(resolveReturnPath('//evil.example', { role: 'auditor' })).toBe('/dashboard');
    expect(resolveReturnPath('/login', { role: 'auditor' })).toBe('/dashboard');
    expect(resolveReturnPath('/nowhere', { role: 'auditor' })).toBe('/dashboard');
  });
});
