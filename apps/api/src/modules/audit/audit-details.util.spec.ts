import { assertNoPersonalData } from './audit-details.util';
import { AuditErrorCode, AuditException } from './audit.exception';

describe('assertNoPersonalData', () => {
  it('accepts ordinary change descriptions', () => {
    expect(() =>
      assertNoPersonalData({
        level: 'high',
        region: '420103',
        version: 3,
        at: '2020-02-10T08:00:00.000Z',
        ids: ['0190b3c4-0000-7000-8000-000000000001'],
        counts: { declarations: 12 },
      }),
    ).not.toThrow();
  });

  it.each([
    [{ name: '张三' }, 'details.name'],
    [{ resident: { id_number: 'x' } }, 'details.resident.id_number'],
    [{ Phone: 'x' }, 'details.Phone'],
    [{ note: 'caller 330106199001010016 asked' }, 'details.note'],
    [{ list: ['13812345678'] }, 'details.list.0'],
    [{ n: 13812345678 }, 'details.n'],
    [{ password: 'x' }, 'details.password'],
  ])('refuses %j and names %s without echoing the value', (details, path) => {
    const error = (() => {
      try {
        assertNoPersonalData(details);
      } catch (e) {
        return e as AuditException;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AuditException);
    expect(error?.code).toBe(AuditErrorCode.PersonalDataInDetails);
    expect(error?.message).toContain(path);
    expect(error?.message).not.toMatch(/330106199001010016|13812345678|张三/);
  });
});
