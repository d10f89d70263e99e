import { createSecretKey, type KeyObject } from 'node:crypto';

import { ApiErrorCode, type StaffRole } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

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
  /** Imported once: passing raw bytes makes jose import the HMAC key on every request. */
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
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.kind === 'resident' ? principal.residentId : principal.staffId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { accessToken, expiresIn };
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      if (payload.typ === 'resident' && payload.sub) return { kind: 'resident', residentId: payload.sub };
      if (payload.typ === 'staff' && payload.sub) {
        return {
          kind: 'staff',
          staffId: payload.sub,
          role: payload.role as StaffRole,
          regionScope: String(payload.scope ?? ''),
        };
      }
    } catch {
      // fall through: every failure is the same answer to the caller
    }
    throw new DomainException(
      ApiErrorCode.Unauthenticated,
      'Your session is missing, expired or invalid: please log in again',
    );
  }
}
