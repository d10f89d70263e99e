import { createSecretKey, type KeyObject } from 'node:crypto';

import { ApiErrorCode, type StaffRole } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { signHs256Jwt, verifyHs256Jwt } from './hs256-jwt.util';

export interface ResidentPrincipal {
  kind: 'resident';
  residentId: string;
}
export interface StaffPrincipal {
  kind: 'staff';
  staffId: string;
  role: StaffRole;
  regionScope: string;
}
export type Principal = ResidentPrincipal | StaffPrincipal;

export const RESIDENT_SESSION_SECONDS = 2 * 60 * 60;
export const STAFF_SESSION_SECONDS = 8 * 60 * 60;
const ISSUER = 'healthcode';

/** Bearer access tokens (HS256, server secret) for residents and staff. Not the QR tokens. */
@Injectable()
export class SessionTokenService {
  /** Imported once, used by node:crypto HMAC for every issue and verify. */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(config.sessionSecret);
  }

  async issue(principal: Principal): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = principal.kind === 'resident' ? RESIDENT_SESSION_SECONDS : STAFF_SESSION_SECONDS;
    const claims =
      principal.kind === 'resident'
        ? { typ: 'resident' }
        : { typ: 'staff', role: principal.role, scope: principal.regionScope };
    const iat = Math.floor(Date.now() / 1000);
    const sub = principal.kind === 'resident' ? principal.residentId : principal.staffId;
    const accessToken = signHs256Jwt({ ...claims, sub, iss: ISSUER, iat, exp: iat + expiresIn }, this.key);
    return { accessToken, expiresIn };
  }

  /**
   * Synchronous node:crypto HMAC (see `verifyHs256Jwt`), on every authenticated request. Sessions live on the
   * wall clock, like `issue` above, not on the injected domain Clock (tests move that through days).
   */
  async verify(token: string): Promise<Principal> {
    const payload = verifyHs256Jwt(token, this.key, ISSUER, Math.floor(Date.now() / 1000));
    if (payload?.typ === 'resident' && payload.sub) return { kind: 'resident', residentId: payload.sub };
    if (payload?.typ === 'staff' && payload.sub) {
      return {
        kind: 'staff',
        staffId: payload.sub,
        role: payload.role as StaffRole,
        regionScope: String(payload.scope ?? ''),
      };
    }
    throw new DomainException(
      ApiErrorCode.Unauthenticated,
      'Your session is missing, expired or invalid: please log in again',
    );
  }
}
