import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';

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

/** What a verified token says about its session, for revocation checks (SessionRevocationGuard, logout). */
export interface SessionClaims {
  /** The token's `jti`: a random UUID, the handle a logout revokes. Absent on tokens issued before it existed. */
  tokenId: string | null;
  /** Epoch seconds. */
  issuedAt: number;
  expiresAt: number;
  /** Residents: the session epoch the token was issued under (SessionRevocationService). */
  epoch: number;
}

export const RESIDENT_SESSION_SECONDS = 2 * 60 * 60;
export const STAFF_SESSION_SECONDS = 8 * 60 * 60;
const ISSUER = 'healthcode';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Bearer access tokens (HS256, server secret) for residents and staff. Not the QR tokens. */
@Injectable()
export class SessionTokenService {
  /** Imported once: passing raw bytes makes jose import the HMAC key on every request. */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(config.sessionSecret);
  }

  /** `epoch`: for residents, the current session epoch (SessionRevocationService.residentEpoch). */
  async issue(principal: Principal, epoch = 0): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = principal.kind === 'resident' ? RESIDENT_SESSION_SECONDS : STAFF_SESSION_SECONDS;
    const claims =
      principal.kind === 'resident'
        ? { typ: 'resident', sep: epoch }
        : { typ: 'staff', role: principal.role, scope: principal.regionScope };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(randomUUID())
      .setSubject(principal.kind === 'resident' ? principal.residentId : principal.staffId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { accessToken, expiresIn };
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifySession(token)).principal;
  }

  async verifySession(token: string): Promise<{ principal: Principal; session: SessionClaims }> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER });
      const session: SessionClaims = {
        tokenId: typeof payload.jti === 'string' && UUID.test(payload.jti) ? payload.jti : null,
        issuedAt: payload.iat ?? 0,
        expiresAt: payload.exp ?? 0,
        epoch: typeof payload.sep === 'number' ? payload.sep : 0,
      };
      if (payload.typ === 'resident' && payload.sub)
        return { principal: { kind: 'resident', residentId: payload.sub }, session };
      if (payload.typ === 'staff' && payload.sub) {
        const principal: StaffPrincipal = {
          kind: 'staff',
          staffId: payload.sub,
          role: payload.role as StaffRole,
          regionScope: String(payload.scope ?? ''),
        };
        return { principal, session };
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
