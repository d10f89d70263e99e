import { staffIdentity } from '../test/staff-session.fixture';
import { sessionStore } from './session';

const login = (expiresIn = 900) => ({ accessToken: 'jwt', expiresIn, staff: staffIdentity('auditor') });

describe('sessionStore', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps the session in sessionStorage and survives a reload', () => {
    sessionStore.save(login());
    sessionStore.reset(); // as after a page reload

    expect(sessionStore.get()).toMatchObject({ accessToken: 'jwt', staff: { role: 'auditor' } });
  });

  it('ignores an expired or malformed stored session', () => {
    window.sessionStorage.setItem(
      'healthcode.console.session',
      JSON.stringify({ accessToken: 'jwt', expiresAt: Date.now() - 1, staff: staffIdentity('auditor') }),
    );
    expect(sessionStore.get()).toBeNull();
    expect(window.sessionStorage.length).toBe(0);

    sessionStore.reset();
    window.sessionStorage.setItem('healthcode.console.session', '{not json');
    expect(sessionStore.get()).toBeNull();
  });

  it('tells subscribers when it changes, and ends itself when the token expires', () => {
    jest.useFakeTimers();
    const listener = jest.fn();
    const unsubscribe = sessionStore.subscribe(listener);

    sessionStore.save(login(60));
    expect(listener).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(60_000);
    expect(sessionStore.get()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(window.sessionStorage.length).toBe(0);
    unsubscribe();
  });
});
