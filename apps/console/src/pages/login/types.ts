import type { StaffLoginRequest } from '@healthcode/contracts';

export type LoginStep = 'credentials' | 'totp';

export type Credentials = Pick<StaffLoginRequest, 'username' | 'password'>;

export interface TotpValues {
  totp: string;
}
