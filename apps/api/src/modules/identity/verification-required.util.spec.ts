import { verificationRequiredMessage } from './verification-required.util';

describe('verificationRequiredMessage', () => {
  it('says what is missing and both ways to finish', () => {
    const m = verificationRequiredMessage('unverified', null);
    expect(m).toContain('not verified yet');
    expect(m).toContain('host app');
    expect(m).toContain('hotline');
  });

  it('gives the reason of a rejected check and asks to check the number first', () => {
    const m = verificationRequiredMessage('rejected', 'the face did not match');
    expect(m).toContain('(the face did not match)');
    expect(m).toContain('Check the ID number in your profile');
  });
});
