import { z } from 'zod';

export const HOST_PROVIDERS = ['wechat', 'alipay', 'dev'] as const;
export type HostProvider = (typeof HOST_PROVIDERS)[number];

export const HostLoginRequestSchema = z.strictObject({
  provider: z.enum(HOST_PROVIDERS),
  /** The one-time code from `wx.login` / `my.getAuthCode`, or `dev-<name>` for the dev provider. */
  code: z.string().min(1).max(128),
});
export type HostLoginRequest = z.infer<typeof HostLoginRequestSchema>;

export interface AccessTokenResponse {
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
}
