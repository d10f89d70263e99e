import { isDuplicateKeyOn } from './duplicate-key.util';

describe('isDuplicateKeyOn', () => {
  const dup = (key: string) => ({ errno: 1062, sqlMessage: `Duplicate entry 'x' for key '${key}'` });

  it('names the key that failed, directly or wrapped by TypeORM', () => {
    expect(isDuplicateKeyOn(dup('uq_residents_id_hmac'), 'uq_residents_id_hmac')).toBe(true);
    expect(isDuplicateKeyOn({ driverError: dup('uq_residents_id_hmac') }, 'uq_residents_id_hmac')).toBe(true);
  });

  it('is false for another key, another error or nothing', () => {
    expect(isDuplicateKeyOn(dup('uq_residents_host_key'), 'uq_residents_id_hmac')).toBe(false);
    expect(isDuplicateKeyOn({ errno: 1213, sqlMessage: "'uq_residents_id_hmac'" }, 'uq_residents_id_hmac')).toBe(false);
    expect(isDuplicateKeyOn(undefined, 'uq_residents_id_hmac')).toBe(false);
  });
});
