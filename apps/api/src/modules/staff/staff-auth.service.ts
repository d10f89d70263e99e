import {
  ApiErrorCode,
  type StaffIdentity,
  type StaffLoginRequest,
  type StaffLoginResponse,
  type StaffTotpEnrollment,
  type StaffTotpEnrollRequest,
  TOTP_ROLES,
} from '@healthcode/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../../common/domain.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { wallClock } from '../clock/wall-clock';
import { AuditService } from '../audit/audit.service';
import { staffActor, systemActor } from '../audit/audit-actor.util';
import { type SessionClaims, SessionTokenService, type StaffPrincipal } from '../auth/session-token.service';
import { Clock } from '../clock/clock';
import { PiiCryptoService } from '../crypto/pii-crypto.service';
import { RetryLaterException } from '../security/retry-later.exception';
import { SessionRevocationService } from '../session/session-revocation.service';
import { LoginAttemptLimiter } from './login-attempt.limiter';
import { STAFF_USERNAME_PATTERN } from './staff-account.dto';
import { burnPasswordCheck, verifyPassword, warmUpPasswordCheck } from './staff-password.util';
import { checkTotp, newTotpSecret, totpEnrollment } from './staff-totp.util';
import { toStaffIdentity } from './staff-view.util';
import type { StaffEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';

const WRONG_CREDENTIALS = 'Wrong user name or password';

/**
 * Token `iat` has whole-second resolution and StaffSessionGuard refuses tokens issued at or before the
 * revocation instant; a login in the same second as a reset waits for the next second (wall clock, as the
 * token service stamps it) so its token is not born revoked.
 */
async function waitPastRevocation(revokedAt: Date | null): Promise<void> {
  if (!revokedAt) return;
  const delay = (Math.floor(revokedAt.getTime() / 1000) + 1) * 1000 - wallClock.now().getTime();
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

/**
 * Staff login: argon2id password, then a TOTP code for roles that can change colours or rules. Failed
 * attempts (password or code) count towards a temporary lock; attempts per account and per IP are also
 * rate-limited. Answers never say whether a user name exists.
 */
@Injectable()
export class StaffAuthService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staff: StaffRepository,
    private readonly crypto: PiiCryptoService,
    private readonly tokens: SessionTokenService,
    private readonly limiter: LoginAttemptLimiter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly revocations: SessionRevocationService,
  ) {}

  async onModuleInit(): Promise<void> {
    await warmUpPasswordCheck();
  }

  async login(request: StaffLoginRequest): Promise<StaffLoginResponse> {
    const { account, now } = await this.checkPassword(request);

    let totpStep: number | null = null;
    let enrolled: string | null = null;
    if (TOTP_ROLES.includes(account.role)) {
      // No authenticator yet (a new account, or one reset by an admin): the staff member enrolls their own.
      const secretEnc = account.totpSecretEnc ?? account.totpPendingEnc;
      if (!secretEnc)
        throw new DomainException(
          ApiErrorCode.TotpEnrollmentRequired,
          'Set up your authenticator app: scan the new code, then enter the 6-digit code it shows',
        );
      // The right password alone is step one; it resets nothing, so it cannot be used to keep guessing codes.
      if (!request.totp)
        throw new DomainException(
          account.totpSecretEnc ? ApiErrorCode.TotpRequired : ApiErrorCode.TotpEnrollmentRequired,
          account.totpSecretEnc
            ? 'Enter the 6-digit code from your authenticator app'
            : 'Set up your authenticator app: scan the new code, then enter the 6-digit code it shows',
        );
      totpStep = await checkTotp(this.crypto.decrypt(secretEnc), request.totp, now, account.totpLastStep);
      if (!account.totpSecretEnc) enrolled = secretEnc;
      // The read above is only a first filter: parallel logins all read the same last step. The claim is atomic.
      if (totpStep !== null && !(await this.staff.claimTotpStep(account.id, totpStep))) totpStep = null;
      if (totpStep === null) {
        await this.recordFailure(account, now, 'wrong-totp');
        throw new DomainException(
          ApiErrorCode.Unauthenticated,
          'The authenticator code is wrong, expired or already used',
        );
      }
    }
    if (account.disabled) {
      await this.loginFailed(account, 'disabled');
      throw new DomainException(ApiErrorCode.Forbidden, 'This account is disabled: ask a system administrator');
    }

    await this.staff.transaction(async (m) => {
      await this.staff.update(m, account.id, {
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: now,
        // The first accepted code from a newly enrolled secret makes it the account's authenticator.
        ...(enrolled ? { totpSecretEnc: enrolled, totpPendingEnc: null } : {}),
      });
      if (enrolled)
        await this.audit.record(
          {
            actor: staffActor({ staffId: account.id, role: account.role }),
            action: 'staff.totp-enrolled',
            target: { type: 'staff', id: account.id },
            region: account.regionScope || null,
            details: {},
          },
          m,
        );
      await this.audit.record(
        {
          actor: staffActor({ staffId: account.id, role: account.role }),
          action: 'staff.login',
          target: { type: 'staff', id: account.id },
          region: account.regionScope || null,
          details: { secondFactor: TOTP_ROLES.includes(account.role) },
        },
        m,
      );
    });
    await waitPastRevocation(account.sessionsValidAfter);
    const token = await this.tokens.issue({
      kind: 'staff',
      staffId: account.id,
      role: account.role,
      regionScope: account.regionScope,
    });
    return { accessToken: token.accessToken, expiresIn: token.expiresIn, staff: toStaffIdentity(account) };
  }

  /**
   * For an account with no authenticator (new, or reset by an admin): after the right password, a new secret
   * is kept as pending and shown to the staff member; the same one is shown again until a code from it is
   * accepted at login. Refused for an account that has an authenticator, or does not use one.
   */
  async enroll(request: StaffTotpEnrollRequest): Promise<StaffTotpEnrollment> {
    const { account } = await this.checkPassword(request);
    if (!TOTP_ROLES.includes(account.role) || account.totpSecretEnc)
      throw new DomainException(
        ApiErrorCode.Conflict,
        'This account already has an authenticator or does not use one: log in with your code',
      );
    if (account.disabled) {
      await this.loginFailed(account, 'disabled');
      throw new DomainException(ApiErrorCode.Forbidden, 'This account is disabled: ask a system administrator');
    }
    const secret = await this.staff.transaction(async (m) => {
      const row = await this.staff.findForUpdate(m, account.id);
      if (!row || row.totpSecretEnc)
        throw new DomainException(
          ApiErrorCode.Conflict,
          'This account already has an authenticator or does not use one: log in with your code',
        );
      if (row.totpPendingEnc) return this.crypto.decrypt(row.totpPendingEnc);
      const fresh = newTotpSecret();
      await this.staff.update(m, row.id, { totpPendingEnc: this.crypto.encrypt(fresh) });
      await this.audit.record(
        {
          actor: staffActor({ staffId: row.id, role: row.role }),
          action: 'staff.totp-enrollment-started',
          target: { type: 'staff', id: row.id },
          region: row.regionScope || null,
          details: {},
        },
        m,
      );
      return fresh;
    });
    return totpEnrollment(account.username, secret);
  }

  /** Step one, shared by login and enrollment: limits, lock, password; every failure counted and audited. */
  private async checkPassword(request: StaffTotpEnrollRequest): Promise<{ account: StaffEntity; now: Date }> {
    const username = request.username.toLowerCase();
    const wait = await this.limiter.hit(username);
    if (wait)
      throw new RetryLaterException(
        ApiErrorCode.TooManyRequests,
        `Too many login attempts for this account: try again in ${wait} seconds`,
        wait,
      );

    // A name no account can have is never queried: people type ID or phone numbers into login boxes.
    const account = STAFF_USERNAME_PATTERN.test(username) ? await this.staff.findByUsername(username) : null;
    const now = this.clock.now();
    if (!account) {
      await burnPasswordCheck(request.password);
      await this.loginFailed(null, 'unknown-user');
      throw new DomainException(ApiErrorCode.Unauthenticated, WRONG_CREDENTIALS);
    }
    if (account.lockedUntil && account.lockedUntil > now) await this.loginFailed(account, 'locked');
    this.assertNotLocked(account, now);
    if (!(await verifyPassword(account.passwordHash, request.password))) {
      // One transaction for the audit entry and the failure count, as an unknown name costs one for its entry:
      // a second commit here made a wrong password measurably slower than an unknown name (staff-login-timing).
      await this.recordFailure(account, now, 'wrong-password');
      throw new DomainException(ApiErrorCode.Unauthenticated, WRONG_CREDENTIALS);
    }
    return { account, now };
  }

  /** Revokes this token; a token without an id (issued before ids existed) ends every session of the account. */
  async logout(me: StaffPrincipal, session: SessionClaims): Promise<void> {
    await this.staff.transaction(async (manager) => {
      if (session.tokenId)
        await this.revocations.revokeSession(session.tokenId, new Date(session.expiresAt * 1000), manager);
      else await this.staff.update(manager, me.staffId, { sessionsValidAfter: this.clock.now() });
      await this.audit.record(
        {
          actor: staffActor(me),
          action: 'staff.logout',
          target: { type: 'staff', id: me.staffId },
          region: me.regionScope || null,
          details: {},
        },
        manager,
      );
    });
  }

  /**
   * Every failed login is audited: the account when the name is one (never the name typed, which may be an
   * ID number), and why. An unknown name is recorded without a target, so it reveals nothing either.
   */
  private async loginFailed(
    account: Pick<StaffEntity, 'id' | 'regionScope'> | null,
    reason: 'unknown-user' | 'wrong-password' | 'wrong-totp' | 'locked' | 'disabled',
    manager?: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      {
        actor: systemActor('staff-login'),
        action: 'staff.login-failed',
        target: { type: 'staff', id: account?.id ?? null },
        region: account ? account.regionScope || null : null,
        details: { reason },
      },
      manager,
    );
  }

  async me(staffId: string): Promise<StaffIdentity> {
    const account = await this.staff.findById(staffId);
    if (!account)
      throw new DomainException(ApiErrorCode.Unauthenticated, 'Your session has ended: please log in again');
    return toStaffIdentity(account);
  }

  private assertNotLocked(account: StaffEntity, now: Date): void {
    if (!account.lockedUntil || account.lockedUntil <= now) return;
    const seconds = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new RetryLaterException(
      ApiErrorCode.AccountLocked,
      `This account is locked after repeated failed logins until ${account.lockedUntil.toISOString()} (in ${Math.ceil(seconds / 60)} min); a system administrator can unlock it by resetting the password`,
      seconds,
    );
  }

  /**
   * Records the failed login and counts it under the row lock, in one transaction; the failure that reaches the
   * threshold locks the account (audited).
   */
  private async recordFailure(
    account: Pick<StaffEntity, 'id' | 'regionScope'>,
    now: Date,
    reason: 'wrong-password' | 'wrong-totp',
  ): Promise<void> {
    const { maxFailures, lockoutMinutes } = this.config.staffLogin;
    const staffId = account.id;
    const locked = await this.staff.transaction(async (manager) => {
      // The account row first, then the audit chain head: the order a successful login takes them in.
      const row = await this.staff.findForUpdate(manager, staffId);
      await this.loginFailed(account, reason, manager);
      if (!row) return null;
      const failures = row.failedLogins + 1;
      if (failures < maxFailures) {
        await this.staff.update(manager, staffId, { failedLogins: failures });
        return null;
      }
      const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60_000);
      await this.staff.update(manager, staffId, { failedLogins: 0, lockedUntil });
      await this.audit.record(
        {
          actor: systemActor('staff-login'),
          action: 'staff.locked',
          target: { type: 'staff', id: staffId },
          region: row.regionScope || null,
          details: { failures, lockedUntil: lockedUntil.toISOString() },
        },
        manager,
      );
      return row.lockedUntil && row.lockedUntil > now ? null : { ...row, lockedUntil };
    });
    if (locked) this.assertNotLocked(locked, now);
  }
}
