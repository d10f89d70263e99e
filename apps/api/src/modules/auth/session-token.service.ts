import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';

import { ApiErrorCode, type StaffRole } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { wallClock } from '../clock/wall-clock';
import { signHs256Jwt, verifyHs256Jwt } from './hs256-jwt.util';

export interface ResidentPrincipal {
  kind: 'resident';
  residentId: string;
  /** Set when a carer acts for the resident (`residentId` is then the dependant's): the carer's resident id. */
  actorId?: string;
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
  /** Imported once, used by node:crypto HMAC for every issue and verify. */
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
    const iat = wallClock.epochSeconds();
    const sub = principal.kind === 'resident' ? principal.residentId : principal.staffId;
    const accessToken = signHs256Jwt(
      { ...claims, jti: randomUUID(), sub, iss: ISSUER, iat, exp: iat + expiresIn },
      this.key,
    );
    return { accessToken, expiresIn };
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifySession(token)).principal;
  }

  /**
   * Synchronous node:crypto HMAC (see `verifyHs256Jwt`) on every authenticated request. Sessions live on the
   * wall clock, like `issue` above, not on the injected domain Clock (tests move that through days).
   */
  async verifySession(token: string): Promise<{ principal: Principal; session: SessionClaims }> {
    const payload = verifyHs256Jwt(token, this.key, ISSUER, wallClock.epochSeconds());
    if (payload?.sub && (payload.typ === 'resident' || payload.typ === 'staff')) {
      const session: SessionClaims = {
        tokenId: typeof payload.jti === 'string' && UUID.test(payload.jti) ? payload.jti : null,
        issuedAt: payload.iat ?? 0,
        expiresAt: payload.exp ?? 0,
        epoch: typeof payload.sep === 'number' ? payload.sep : 0,
      };
      if (payload.typ === 'resident') return { principal: { kind: 'resident', residentId: payload.sub }, session };
      const principal: StaffPrincipal = {
        kind: 'staff',
        staffId: payload.sub,
        role: payload.role as StaffRole,
        regionScope: String(payload.scope ?? ''),
      };
      return { principal, session };
    }
    throw new DomainException(
      ApiErrorCode.Unauthenticated,
      'Your session is missing, expired or invalid: please log in again',
    );
  }
}
