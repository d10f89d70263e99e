import { sealIdentity, sealPhone, type PiiCipher } from './sealed-pii.util';

/** A stand-in cipher that shows what it was given; the real one is covered by pii-crypto's own spec. */
const cipher: PiiCipher = { encrypt: (plain, keyId) => `enc(${keyId}:${plain})` };

describe('sealIdentity / sealPhone', () => {
  it('encrypts each value under the given key, records the key and keeps only the masked forms in clear', () => {
    expect(sealIdentity(cipher, 'k2', { name: '张三丰', idNumber: '330106199001011234' })).toEqual({
      piiKeyId: 'k2',
      nameEnc: 'enc(k2:张三丰)',
      nameMasked: expect.not.stringContaining('三丰'),
      idEnc: 'enc(k2:330106199001011234)',
      idMasked: expect.not.stringContaining('19900101'),
    });
    const phone = sealPhone(cipher, 'k2', '13812345678');
    expect(phone.phoneEnc).toBe('enc(k2:13812345678)');
    expect(phone.phoneMasked).not.toContain('1234567');
  });
});
