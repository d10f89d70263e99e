import { createHash } from 'node:crypto';

import { residentIdCheckDigit } from '@healthcode/contracts';

import { type AuthorityRow, parseAuthorityRow } from './authority-row.util';

const first17 = '33010619900101123';
const ID = first17 + residentIdCheckDigit(first17);
const now = new Date('2026-12-06T04:00:00Z');
const hmacId = (n: string) => createHash('sha256').update(n).digest();
const ctx = (scope: string) => ({ now, scope, hmacId });

describe('parseAuthorityRow: where the fact happened and its stable key', () => {
  it('keys a case by its case id when the feed has one, otherwise by ID number and date', () => {
    const a = parseAuthorityRow(
      'cases',
      2,
      { id_number: ID, date: '2026-11-20', status: 'confirmed', cleared_date: '', region: '330106', case_id: 'HZ-1' },
      ctx('33'),
    ) as AuthorityRow;
    const corrected = parseAuthorityRow(
      'cases',
      3,
      {
        id_number: ID,
        date: '2026-11-18',
        status: 'confirmed',
        cleared_date: '2026-12-01',
        region: '330106',
        case_id: 'HZ-1',
      },
      ctx('33'),
    ) as AuthorityRow;
    expect(a.factKey.equals(corrected.factKey)).toBe(true);
    expect(corrected.data).toEqual({
      status: 'confirmed',
      date: '2026-11-18',
      clearedDate: '2026-12-01',
      caseId: 'HZ-1',
    });

    const noId = (cleared: string) =>
      parseAuthorityRow(
        'cases',
        4,
        { id_number: ID, date: '2026-11-20', status: 'confirmed', cleared_date: cleared, region: '330106' },
        ctx('33'),
      ) as AuthorityRow;
    expect(noId('').factKey.equals(noId('2026-12-01').factKey)).toBe(true);
    expect(noId('').factKey.equals(a.factKey)).toBe(false);
  });

  it('records the registering region and refuses a row registered outside the scope', () => {
    const row = { id_number: ID, contact_date: '2026-12-01', region: '330100' };
    expect(parseAuthorityRow('contacts', 2, row, ctx('33'))).toEqual([
      { line: 2, field: 'region', message: expect.stringMatching(/county-level/) },
    ]);
    const ok = parseAuthorityRow('contacts', 2, { ...row, region: '330106' }, ctx('3301')) as AuthorityRow;
    expect(ok.region).toBe('330106');
    expect(parseAuthorityRow('contacts', 2, { ...row, region: '420103' }, ctx('3301'))).toEqual([
      { line: 2, field: 'region', message: 'Outside your region scope (3301)' },
    ]);
  });

  it('takes a journey when either end is inside the scope, never by the home region', () => {
    const trip = { id_number: ID, mode: 'train', from_region: '420103', to_region: '330106', date: '2026-12-01' };
    expect((parseAuthorityRow('bookings', 2, trip, ctx('33')) as AuthorityRow).region).toBe('330106');
    expect((parseAuthorityRow('bookings', 2, trip, ctx('42')) as AuthorityRow).region).toBe('420103');
    // The ID number says Hangzhou; the journey is Beijing to Shanghai: Zhejiang may not send it.
    expect(
      parseAuthorityRow('bookings', 2, { ...trip, from_region: '110101', to_region: '310101' }, ctx('33')),
    ).toEqual([{ line: 2, field: 'to_region', message: 'Outside your region scope (33)' }]);
  });

  it('refuses a malformed case id', () => {
    const row = { id_number: ID, date: '2026-11-20', status: 'confirmed', region: '330106', case_id: 'a b' };
    expect(parseAuthorityRow('cases', 2, row, ctx(''))).toEqual([
      { line: 2, field: 'case_id', message: expect.any(String) },
    ]);
  });
});
