import { maskIdNumber, maskName, maskPhone } from '@healthcode/contracts';

/** What sealing needs of the PII cipher (PiiCryptoService). */
export interface PiiCipher {
  encrypt(plain: string, keyId?: string): string;
}

/**
 * How a person's name and ID number are stored: each encrypted under one key (recorded beside them, `piiKeyId`),
 * with the masked form that is all staff and residents ever see without a logged decryption.
 */
export function sealIdentity(cipher: PiiCipher, keyId: string, person: { name: string; idNumber: string }) {
  return {
    piiKeyId: keyId,
    nameEnc: cipher.encrypt(person.name, keyId),
    nameMasked: maskName(person.name),
    idEnc: cipher.encrypt(person.idNumber, keyId),
    idMasked: maskIdNumber(person.idNumber),
  };
}

/** A phone number as stored: encrypted under the same key as the identity, and masked. */
export function sealPhone(cipher: PiiCipher, keyId: string, phone: string) {
  return { phoneEnc: cipher.encrypt(phone, keyId), phoneMasked: maskPhone(phone) };
}
