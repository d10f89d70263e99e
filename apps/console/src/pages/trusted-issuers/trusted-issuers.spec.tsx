import type { TrustedIssuerListResponse, TrustedIssuerView } from '@healthcode/contracts';
import { screen, waitFor } from '@testing-library/react';

import { stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

const entry = (over: Partial<TrustedIssuerView>): TrustedIssuerView => ({
  id: 'ti-1',
  issuerId: 'cn-34',
  region: '34',
  contact: 'ops@ah',
  source: 'document',
  documentUrl: 'https://ah.example/.well-known/healthcode-issuer',
  kids: ['k1'],
  status: 'pending',
  notBefore: '2026-12-01T00:00:00Z',
  notAfter: '2027-12-01T00:00:00Z',
  addedBy: 'staff-2',
  addedAt: '2026-12-07T01:00:00Z',
  approvedBy: null,
  approvedAt: null,
  suspendedReason: null,
  pendingKids: null,
  keysRequestedBy: null,
  keysRequestedAt: null,
  ...over,
});

const listOf = (items: TrustedIssuerView[]): TrustedIssuerListResponse => ({
  own: {
    issuerId: 'cn-33',
    region: '33',
    contact: 'ops@zj',
    documentUrl: 'https://zj.example/.well-known/healthcode-issuer',
    jwksUrl: 'https://zj.example/.well-known/jwks.json',
  },
  items,
});

describe('trusted issuers (other regions)', () => {
  it('shows our own issuer, an empty state, and adds a peer by its document for approval', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: entry({}) } : { body: listOf([]) },
    );
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'en' });

    expect(
      // The first render loads the lazy page: allow for a slow, shared machine.
      await screen.findByText(
        'No other issuer is trusted yet: only our own codes are accepted.',
        {},
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('https://zj.example/.well-known/healthcode-issuer')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Issuer id'), 'cn-34');
    await user.type(screen.getByLabelText('Issuer document URL'), 'https://ah.example/.well-known/healthcode-issuer');
    await user.type(screen.getByLabelText('Trusted until'), '2027-12-01');
    await user.click(screen.getByRole('button', { name: 'Add (pending approval)' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined());
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/v1/admin/trusted-issuers');
    expect(post.body).toMatchObject({
      source: 'document',
      issuerId: 'cn-34',
      documentUrl: 'https://ah.example/.well-known/healthcode-issuer',
      notAfter: '2027-12-01T00:00:00+08:00',
    });
  });

  it('refuses a malformed issuer id before sending anything', async () => {
    const { calls } = stubFetch(() => ({ body: listOf([]) }));
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'en' });
    await user.type(await screen.findByLabelText('Issuer id'), 'CN 34');
    await user.click(screen.getByRole('button', { name: 'Add (pending approval)' }));
    expect(await screen.findByText('2 to 32 lowercase letters, digits or "-", such as cn-34')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets a second administrator approve, but not the one who asked', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST'
        ? { body: entry({ status: 'active' }) }
        : { body: listOf([entry({}), entry({ id: 'ti-2', issuerId: 'cn-44', addedBy: 'staff-1' })]) },
    );
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'en' });
    expect(await screen.findByRole('button', { name: 'Approve cn-44' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Approve cn-34' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/v1/admin/trusted-issuers/ti-1/approve' && c.method === 'POST')).toBe(
        true,
      ),
    );
  });

  it('suspends with a reason, in Chinese', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST' ? { body: entry({ status: 'suspended' }) } : { body: listOf([entry({ status: 'active' })]) },
    );
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'zh-CN' });
    expect(await screen.findByText('受信任')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '暂停 cn-34' }));
    await user.type(await screen.findByLabelText('理由'), '对方报告密钥泄露');
    await user.click(screen.getByRole('button', { name: '暂停' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/trusted-issuers/ti-1/suspend')?.body).toEqual({
        reason: '对方报告密钥泄露',
      }),
    );
  });

  it("asks for a peer's pasted new keys with a reason, and refuses a paste that is not a key set", async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST'
        ? { body: entry({ status: 'active', pendingKids: ['k2'], keysRequestedBy: 'staff-1' }) }
        : { body: listOf([entry({ status: 'active', source: 'keys', documentUrl: null })]) },
    );
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Update keys of cn-34' }));
    // Added by pasted keys: there is no document to fetch again.
    expect(await screen.findByRole('radio', { name: 'Fetch again from its issuer document' })).toBeDisabled();
    await user.click(screen.getByLabelText('Public keys (JWKS JSON)'));
    await user.paste('not json');
    await user.type(screen.getByLabelText('Reason'), 'cn-34 rotated its key');
    await user.click(screen.getByRole('button', { name: 'Ask (pending approval)' }));
    expect(await screen.findByText('A JSON key set: {"keys": [ … ]}')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.clear(screen.getByLabelText('Public keys (JWKS JSON)'));
    await user.click(screen.getByLabelText('Public keys (JWKS JSON)'));
    await user.paste('{"keys":[{"kty":"EC","crv":"P-256","x":"x","y":"y"}]}');
    await user.click(screen.getByRole('button', { name: 'Ask (pending approval)' }));
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/v1/admin/trusted-issuers/ti-1/keys')?.body).toEqual({
        source: 'keys',
        jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] },
        reason: 'cn-34 rotated its key',
      }),
    );
  });

  it('shows new keys awaiting approval; only another administrator may approve them', async () => {
    const { calls } = stubFetch(({ method }) =>
      method === 'POST'
        ? { body: entry({ status: 'active' }) }
        : {
            body: listOf([
              entry({ status: 'active', pendingKids: ['k2'], keysRequestedBy: 'staff-2' }),
              entry({
                id: 'ti-2',
                issuerId: 'cn-44',
                status: 'active',
                pendingKids: ['k9'],
                keysRequestedBy: 'staff-1',
              }),
            ]),
          },
    );
    signInAs('system-admin', { regionScope: '' });
    const { user } = renderApp('/trusted-issuers', { language: 'en' });
    expect(await screen.findAllByText('1 new key(s) awaiting approval')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Approve keys of cn-44' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Update keys of cn-34' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Approve keys of cn-34' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/v1/admin/trusted-issuers/ti-1/keys/approve')).toBe(true),
    );
  });
});
