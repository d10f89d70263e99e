import type { HostProvider } from '@healthcode/contracts';

/** A response that a host delivered through `fail` although the server did answer. */
export interface HostHttpResponse {
  statusCode: number;
  data: unknown;
}

/**
 * Everything that differs between the browser (H5), WeChat and Alipay, behind one interface.
 * Implementations: host.h5.ts, host.weapp.ts, host.alipay.ts; Taro picks the file for the build target.
 */
export interface HostAdapter {
  /** Base URL of the API up to and including `/api`, without a trailing slash. */
  readonly apiBase: string;
  readonly provider: HostProvider;
  /** The browser demo signs in with a typed name; WeChat and Alipay use the host's own account. */
  readonly asksForDemoName: boolean;
  /** A one-time code for `POST /auth/host-login`. */
  loginCode(demoName: string): Promise<string>;
  /** Alipay reports 4xx/5xx through `fail`; this recovers the server's answer, or null for a real network failure. */
  responseFromFailure(failure: unknown): HostHttpResponse | null;
}
