/** Re-encrypts personal data under the current PII key (maintenance queue). Job data: `{ keyId }` only. */
export const PII_REENCRYPT_JOB = 'pii-reencrypt';

/** One run per key id is enough: Bull ignores an add whose job id it already holds. */
export const reencryptJobId = (keyId: string) => `${PII_REENCRYPT_JOB}:${keyId}`;
