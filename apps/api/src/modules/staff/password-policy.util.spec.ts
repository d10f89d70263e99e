import { passwordProblem } from './password-policy.util';

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple', 'agent1')).toBeNull();
    expect(passwordProblem('健康码热线值班密码很长很长', 'agent1')).toBeNull();
  });

  it.each([
    ['short', 'At least 12'],
    ['aaaaaaaaaaaaaaaa', 'different characters'],
    ['agent1-is-my-password', 'user name'],
    ['x'.repeat(257), 'At most 256'],
  ])('refuses %j', (password, message) => {
    expect(passwordProblem(password, 'agent1')).toContain(message);
  });

  it.each(['password1234', 'Password123!', 'qwertyuiop123', 'iloveyou12345', '123456789abc', 'Passw0rd2024!'])(
    'refuses the common or breached password %j',
    (password) => {
      expect(passwordProblem(password, 'agent1')).toContain('breached or common');
    },
  );
});
