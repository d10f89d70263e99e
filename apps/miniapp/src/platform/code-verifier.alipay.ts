import type { CodeVerifier } from './device.type';

/** Alipay has no Web Crypto for jose: checkpoint scans are verified by the scan API (online only). */
export const codeVerifier: CodeVerifier = { offline: false };
