import { entryTarget } from './entry-target.util';

describe('entryTarget', () => {
  it('asks to sign in first', () => {
    expect(entryTarget({ signedIn: false, acceptedConsent: 'v1' })).toBe('login');
  });
  it('shows consent before sign-up, and sign-up before the code', () => {
    expect(entryTarget({ signedIn: true, registered: false, acceptedConsent: null })).toBe('consent');
    expect(entryTarget({ signedIn: true, registered: false, acceptedConsent: 'v1' })).toBe('signup');
  });
  it('goes straight to the code once registered', () => {
    expect(entryTarget({ signedIn: true, registered: true, acceptedConsent: null })).toBe('code');
  });
});
