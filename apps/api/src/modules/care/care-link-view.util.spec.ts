import { carerView, dependantView, linkRow } from './care-link-view.util';

const at = new Date('2020-02-20T02:00:00Z');

describe('care link views', () => {
  it('a child’s link is active at once on the guardian’s declaration; an adult’s waits for their consent', () => {
    expect(linkRow('l1', 'c', 'd', 'minor', at)).toMatchObject({
      status: 'active',
      live: 1,
      consentMethod: 'guardian-declaration',
      confirmedAt: at,
    });
    expect(linkRow('l2', 'c', 'd', 'adult', at)).toMatchObject({
      status: 'pending',
      live: 1,
      consentMethod: null,
      confirmedAt: null,
    });
  });

  it('shows a dependant with their colour and the id to act for; a carer without ids', () => {
    const link = linkRow('l1', 'carer', 'dep', 'minor', at);
    expect(dependantView({ link, name: '李**', color: 'red' })).toEqual({
      linkId: 'l1',
      dependantId: 'dep',
      name: '李**',
      kind: 'minor',
      status: 'active',
      consentMethod: 'guardian-declaration',
      color: 'red',
      createdAt: at.toISOString(),
      confirmedAt: at.toISOString(),
    });
    expect(carerView({ link, name: '王**', color: null })).not.toHaveProperty('dependantId');
  });
});
