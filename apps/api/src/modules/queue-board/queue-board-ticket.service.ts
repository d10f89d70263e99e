import { createSecretKey, type KeyObject } from 'node:crypto';

import { ApiErrorCode } from '@healthcode/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { StaffPrincipal } from '../auth/session-token.service';

/** Where bull-board is mounted (outside Nest, a raw Fastify plugin guarded by the ticket hook). */
export const QUEUE_BOARD_PREFIX = '/api/admin/queues';
/** The cookie that carries a checked ticket to the board's own XHRs; path-limited to the board. */
export const QUEUE_BOARD_COOKIE = 'hc_queue_board';
export const QUEUE_BOARD_TICKET_SECONDS = 5 * 60;
/** Distinct from the session `typ`s (resident, staff): SessionTokenService refuses it as a bearer token, and this refuses sessions. */
const TICKET_TYP = 'queue-board';
const ISSUER = 'healthcode';
const AUDIENCE = 'queue-board';

export interface QueueBoardTicket {
  staffId: string;
  role: string;
  regionScope: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  expiresAt: number;
}

/** Short-lived, single-purpose tickets that open bull-board in a browser tab (which cannot send a bearer header). */
@Injectable()
export class QueueBoardTicketService {
  private readonly key: KeyObject;

  private readonly enabled: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createSecretKey(config.sessionSecret);
    this.enabled = config.edge.queueBoard;
  }

  async issue(principal: StaffPrincipal): Promise<{ ticket: string; expiresIn: number }> {
    if (!this.enabled)
      throw new DomainException(
        ApiErrorCode.NotFound,
        'The queue dashboard is not enabled on this server (QUEUE_BOARD_ENABLED)',
      );
    const ticket = await new SignJWT({ typ: TICKET_TYP, role: principal.role, scope: principal.regionScope })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.staffId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${QUEUE_BOARD_TICKET_SECONDS}s`)
      .sign(this.key);
    return { ticket, expiresIn: QUEUE_BOARD_TICKET_SECONDS };
  }

  /** The ticket's claims, or null when it is missing, forged, expired or not a queue-board ticket. */
  async verify(ticket: string | undefined): Promise<QueueBoardTicket | null> {
    if (!ticket) return null;
    try {
      const { payload } = await jwtVerify(ticket, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      if (payload.typ !== TICKET_TYP || !payload.sub) return null;
      return {
        staffId: payload.sub,
        role: String(payload.role ?? ''),
        regionScope: String(payload.scope ?? ''),
        issuedAt: payload.iat!,
        expiresAt: payload.exp!,
      };
    } catch {
      return null;
    }
  }
}
