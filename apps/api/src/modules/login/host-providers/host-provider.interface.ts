/** Exchanges a host app's one-time login code for the stable user id that host gives our mini-program. */
export interface HostProvider {
  readonly name: 'wechat' | 'alipay' | 'dev';
  exchange(code: string): Promise<string>;
}

/** The host refused the code (expired, reused, forged): the resident should log in again. */
export class HostCodeRejected extends Error {}
/** The host could not be reached or answered something unexpected. */
export class HostUnavailable extends Error {}
