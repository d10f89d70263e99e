import { screen, waitFor, within } from '@testing-library/react';

import { apiError, stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';
import type { HotlineVerificationView } from './types';

jest.setTimeout(40_000);

// The lazy page's first load on a busy machine.
const FIRST = { timeout: 15_000 };

const request = (over: Partial<HotlineVerificationView> = {}): HotlineVerificationView => ({
  id: '11111111-1111-4111-8111-111111111111',
  residentId: '22222222-2222-4222-8222-222222222222',
  idType: 'resident-id',
  idNumberMasked: '3301**********0013',
  documentType: 'household-register',
  reason: 'Household register shown on a video call; the photo matches.',
  callRef: 'HC-1',
  region: '330106',
  status: 'pending',
  requestedBy: 'agent-1',
  requestedAt: '2026-11-20T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
  ...over,
});

describe('identity verification queue', () => {
  it('an agent files a document check: the lookup finds the profile, then the check goes to a supervisor', async () => {
    const { calls } = stubFetch((call) => {
      if (call.url.startsWith('/api/v1/staff/lookup'))
        return { body: { items: [{ residentId: request().residentId }], purpose: 'hotline-call:HC-1' } };
      if (call.method === 'POST') return { status: 201, body: request() };
      return { body: { items: [] } };
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/identity-verifications');
    expect(await screen.findByText('没有待审核的核验申请', {}, FIRST)).toBeInTheDocument();
    await user.type(screen.getByLabelText('来电编号'), 'HC-1');
    await user.type(screen.getByLabelText('证件上的号码'), '33010619900101001x');
    await user.type(screen.getByLabelText('核验说明'), 'Household register shown on a video call.');
    await user.click(screen.getByRole('button', { name: '提交给主管' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const [lookup, file] = calls.filter((c) => c.method === 'POST');
    expect(lookup).toMatchObject({
      url: '/api/v1/staff/lookup',
      body: { idNumber: '33010619900101001X', purpose: { kind: 'hotline-call', callRef: 'HC-1' } },
    });
    expect(file).toMatchObject({
      url: '/api/v1/staff/identity-verifications',
      body: {
        residentId: request().residentId,
        idType: 'resident-id',
        idNumber: '33010619900101001X',
        documentType: 'resident-id-card',
        callRef: 'HC-1',
      },
    });
    // Agents see the queue but have no decision buttons.
    expect(screen.queryByRole('columnheader', { name: '操作' })).not.toBeInTheDocument();
  });

  it("a supervisor approves another person's filing but not their own", async () => {
    const { calls } = stubFetch((call) => {
      if (call.method === 'POST') return { body: request({ status: 'approved', decidedBy: 'staff-1' }) };
      return {
        body: {
          items: [
            request(),
            request({ id: '33333333-3333-4333-8333-333333333333', requestedBy: 'staff-1', idNumberMasked: 'E1****78' }),
          ],
        },
      };
    });
    signInAs('supervisor');
    const { user } = renderApp('/identity-verifications', { language: 'en' });
    const own = await screen.findByRole('button', { name: 'Approve the request for ID number E1****78' }, FIRST);
    expect(own).toBeDisabled();
    expect(screen.getAllByText('You filed this request: another supervisor decides').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Approve the request for ID number 3301**********0013' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: `/api/v1/staff/identity-verifications/${request().id}/decision`,
        body: { approve: true },
      }),
    );
  });

  it('a refusal asks for the reason before it is sent', async () => {
    const { calls } = stubFetch((call) =>
      call.method === 'POST'
        ? { body: request({ status: 'refused', note: 'Photo does not match' }) }
        : { body: { items: [request()] } },
    );
    signInAs('supervisor');
    const { user } = renderApp('/identity-verifications', { language: 'en' });
    await user.click(
      await screen.findByRole('button', { name: 'Refuse the request for ID number 3301**********0013' }, FIRST),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Refuse' }));
    expect(await within(dialog).findByText('Say why the verification is refused')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Why it is refused'), 'Photo does not match');
    await user.click(within(dialog).getByRole('button', { name: 'Refuse' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ approve: false, note: 'Photo does not match' }),
    );
  });

  it("shows the API's refusal of a filing inline, and a failed queue with a retry", async () => {
    stubFetch((call) => {
      if (call.url.startsWith('/api/v1/staff/lookup'))
        return { body: { items: [{ residentId: request().residentId }], purpose: 'hotline-call:HC-1' } };
      if (call.method === 'POST')
        return apiError(409, 'ILLEGAL_TRANSITION', "This resident's ID number is already verified");
      return apiError(500, 'INTERNAL', 'Something went wrong on our side');
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/identity-verifications', { language: 'en' });
    expect(await screen.findByRole('button', { name: /Retry/ }, FIRST)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Call reference'), 'HC-1');
    await user.type(screen.getByLabelText('Number on the document'), 'E12345678');
    await user.click(screen.getByRole('combobox', { name: 'ID type' }));
    await user.click(await screen.findByTitle('Passport'));
    await user.type(screen.getByLabelText('What was checked'), 'Passport shown on a video call.');
    await user.click(screen.getByRole('button', { name: 'Send to a supervisor' }));
    expect(await screen.findByText("This resident's ID number is already verified")).toBeInTheDocument();
  });

  it('an agent files an adult’s hotline consent to a carer: the carer is looked up, then the consent goes to a supervisor', async () => {
    const carerId = '44444444-4444-4444-8444-444444444444';
    const { calls } = stubFetch((call) => {
      if (call.url.startsWith('/api/v1/staff/lookup'))
        return { body: { items: [{ residentId: carerId }], purpose: 'hotline-call:HC-9' } };
      if (call.method === 'POST') return { status: 201, body: request() };
      return { body: { items: [] } };
    });
    signInAs('hotline-agent');
    const { user } = renderApp('/identity-verifications', { language: 'en' });
    await user.click(
      await screen.findByRole('button', { name: /Consent of an adult without a phone to a family carer/ }, FIRST),
    );
    await user.type(await screen.findByLabelText('Call reference of the consent call'), 'HC-9');
    await user.type(screen.getByLabelText('Carer’s resident ID number'), '330106199001010013');
    await user.type(screen.getByLabelText('Adult’s full name'), '钱老太');
    await user.type(screen.getByLabelText('Number on the adult’s document'), '330106195001010011');
    await user.type(screen.getByLabelText('Adult’s home region (county code)'), '330106');
    await user.type(screen.getByLabelText('What was checked, and the consent heard'), 'ID card on video; she agreed.');
    await user.click(screen.getByRole('button', { name: 'Send the consent to a supervisor' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const [lookup, file] = calls.filter((c) => c.method === 'POST');
    expect(lookup).toMatchObject({
      url: '/api/v1/staff/lookup',
      body: { idNumber: '330106199001010013', purpose: { kind: 'hotline-call', callRef: 'HC-9' } },
    });
    expect(file).toMatchObject({
      url: '/api/v1/staff/care-consents',
      body: {
        carerResidentId: carerId,
        name: '钱老太',
        idType: 'resident-id',
        idNumber: '330106195001010011',
        homeRegion: '330106',
        documentType: 'resident-id-card',
        callRef: 'HC-9',
      },
    });
  });
});
