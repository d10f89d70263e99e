import { screen, waitFor } from '@testing-library/react';

import { sessionStore } from '../../services/session';
import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

describe('change own password', () => {
  it('is reachable from the header, shows the server’s refusal on the field, then signs out on success', async () => {
    let attempt = 0;
    const { calls } = stubFetch((call) => {
      if (!call.url.endsWith('/staff/me/password')) return { status: 200, body: {} };
      attempt++;
      return attempt === 1
        ? apiError(400, 'VALIDATION_FAILED', 'newPassword: breached', [
            { path: 'newPassword', message: 'This password is in a list of breached or common passwords' },
          ])
        : { status: 204 };
    });
    signInAs('hotline-agent');
    const { user, router } = renderApp('/appeals', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Change password' }));

    await user.type(await screen.findByLabelText('Current password'), 'my old passphrase here');
    await user.type(screen.getByLabelText('New password'), 'password1234');
    await user.type(screen.getByLabelText('New password again'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    expect(await screen.findByText('This password is in a list of breached or common passwords')).toBeInTheDocument();
    expect(sessionStore.get()).not.toBeNull();

    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'a fresh passphrase 2026');
    await user.clear(screen.getByLabelText('New password again'));
    await user.type(screen.getByLabelText('New password again'), 'a fresh passphrase 2026');
    await user.click(screen.getByRole('button', { name: 'Save new password' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sessionStore.get()).toBeNull();
    expect(calls.filter((c) => c.url.endsWith('/staff/me/password')).map((c) => c.body)).toEqual([
      { currentPassword: 'my old passphrase here', newPassword: 'password1234' },
      { currentPassword: 'my old passphrase here', newPassword: 'a fresh passphrase 2026' },
    ]);
  });
});
