/** What the resident chose for each template id (`accept`, `reject`, `ban`, …), or null where the host has none. */
export type SubscribeResult = Record<string, string> | null;

/**
 * Asking the resident to receive a host-app message. It must run inside a tap handler (WeChat refuses calls that
 * did not start from the user's tap), so the template ids are loaded beforehand.
 */
export interface SubscribeAdapter {
  /** Which server-side template set this host uses; null: messages arrive in the in-app inbox instead. */
  readonly host: 'wechat' | 'alipay' | null;
  request(templateIds: string[]): Promise<SubscribeResult>;
}
