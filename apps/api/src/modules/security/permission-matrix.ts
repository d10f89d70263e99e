import { STAFF_ROLES, type StaffRole } from '@healthcode/contracts';

/**
 * Who may call each route: the single source the permission tests and docs/SECURITY.md are checked
 * against. Every route Fastify registers must match an entry (`/**` matches a path and everything below);
 * the test calls each one as every kind of caller, inside and outside their region scope, and compares.
 *
 * - `access`: 'public' (anyone, no token), 'resident', 'any-staff', the staff roles allowed, 'device'
 *   (no session of any kind: a checkpoint device credential, `Authorization: Device <id>.<secret>`), or
 *   'queue-ticket' (no session of any kind: a 5-minute queue-dashboard ticket only system admins obtain, as
 *   `?ticket=` or the cookie set from it; bull-board's raw Fastify routes, guarded by a hook, not AuthGuard).
 * - `scope`: for staff routes, what the caller's region scope limits. 'deny' answers 403 OUT_OF_SCOPE for a
 *   target (resident, account, checkpoint, appeal, prefix) outside the scope, and the permission test proves
 *   it with an in-scope and an out-of-scope caller; 'filter' answers only with what lies inside it;
 *   'content' refuses a request whose body changes regions outside the scope (checked by the owning
 *   service and its own tests).
 * - `optional`: the route exists only in some configurations (static front ends), so it may be absent.
 */
export type RouteAccess = 'public' | 'device' | 'queue-ticket' | 'resident' | 'any-staff' | readonly StaffRole[];

export interface RoutePermission {
  access: RouteAccess;
  scope?: { mode: 'deny' | 'filter' | 'content'; on: string };
  summary: string;
  optional?: boolean;
}

export const PERMISSION_MATRIX: Readonly<Record<string, RoutePermission>> = {
  // Operations, public documents and keys
  'OPTIONS *': { access: 'public', summary: 'CORS preflight (allow-listed origins only)' },
  'GET /api/health': { access: 'public', summary: 'Liveness' },
  'GET /api/ready': { access: 'public', summary: 'Readiness (database, Redis)' },
  'GET /api/docs': { access: 'public', summary: 'OpenAPI explorer', optional: true },
  'GET /api/docs-yaml': { access: 'public', summary: 'OpenAPI document (YAML)', optional: true },
  'GET /api/docs/**': { access: 'public', summary: 'OpenAPI document and explorer assets', optional: true },
  'GET /.well-known/jwks.json': { access: 'public', summary: 'Public keys that verify QR tokens' },
  'GET /.well-known/healthcode-issuer': {
    access: 'public',
    summary: 'Signed issuer document (issuer id, region, JWKS URL, contact) for mutual recognition',
  },
  'GET /.well-known/healthcode-checkpoint-bundle': {
    access: 'public',
    summary: 'Offline checkpoint bundle: the JWKS and the signed trust list, in one JSON document',
  },
  'GET /.well-known/healthcode-trust-list': {
    access: 'public',
    summary: 'Signed trust list of peer issuers and their pinned keys, for checkpoints',
  },
  'GET /.well-known/healthcode-card-status': {
    access: 'public',
    summary: 'Signed status list of printed cards that must not pass (revoked, or holder not green); no green card',
  },
  'GET /console/**': { access: 'public', summary: 'Staff console (static files)', optional: true },
  'GET /app/**': { access: 'public', summary: 'Resident H5 app (static files)', optional: true },
  'GET /api/v1/consent': { access: 'public', summary: 'Consent text' },
  'GET /api/v1/rules': { access: 'public', summary: 'The rules in force, in plain language' },
  'GET /api/v1/rules/changelog': { access: 'public', summary: 'Published rule versions' },

  // Residents: only ever their own record
  'POST /api/v1/auth/host-login': {
    access: 'public',
    summary: 'Resident login through WeChat/Alipay (rate-limited per IP)',
  },
  'GET /api/v1/me/profile': { access: 'resident', summary: 'Own profile (masked)' },
  'PUT /api/v1/me/profile': { access: 'resident', summary: 'Sign up / update own profile (rate-limited per resident)' },
  'POST /api/v1/me/declarations': { access: 'resident', summary: 'Declare travel and symptoms' },
  'GET /api/v1/me/declarations': { access: 'resident', summary: 'All own retained declarations' },
  'POST /api/v1/me/check-ins': { access: 'resident', summary: 'Daily health check-in' },
  'POST /api/v1/me/verification': {
    access: 'resident',
    summary: 'Prove own ID number through a host (dev, Alipay, WeChat); rate-limited per resident',
  },
  'POST /api/v1/me/verification/wechat': {
    access: 'resident',
    summary: 'Start a WeChat face-plus-ID check of own profile number; rate-limited per resident',
  },
  'POST /api/v1/dev-host/certifications': {
    access: 'public',
    summary: 'Dev host only (never production): record that a dev user owns an ID number',
  },
  'GET /api/v1/me/code': { access: 'resident', summary: 'Own code with reasons and QR token' },
  'GET /api/v1/me/code/history': { access: 'resident', summary: 'Own colour history' },
  'GET /api/v1/me/access-log': { access: 'resident', summary: 'Every staff read of own record' },
  'GET /api/v1/me/retention': { access: 'resident', summary: 'When each of own records will be deleted' },
  'DELETE /api/v1/me': { access: 'resident', summary: 'Erase own data' },

  // Residents acting for family members (issue #19). The code, history, access-log, profile read, declaration,
  // check-in and appeal routes above also serve a dependant when a carer sends `X-Acting-For: <dependant id>`
  // over an active care link (ActingForGuard), answering exactly what the dependant would see.
  'GET /api/v1/me/dependants': { access: 'resident', summary: 'Own dependants (masked) with their colour' },
  'POST /api/v1/me/dependants/minors': {
    access: 'resident',
    summary: 'Add a child with the guardian’s declaration (verified carers only)',
  },
  'POST /api/v1/me/dependants/adults': {
    access: 'resident',
    summary: 'Ask an adult with the app to accept one as their carer (pending until they accept)',
  },
  'DELETE /api/v1/me/dependants/:linkId': { access: 'resident', summary: 'Stop caring for a dependant' },
  'GET /api/v1/me/carers': { access: 'resident', summary: 'Own carers and pending care requests (masked)' },
  'POST /api/v1/me/carers/:linkId/accept': { access: 'resident', summary: 'Accept a care request on own device' },
  'DELETE /api/v1/me/carers/:linkId': { access: 'resident', summary: 'Refuse a care request or remove a carer' },

  // Staff
  'POST /api/v1/staff/login': {
    access: 'public',
    summary: 'Staff login: password, then TOTP for privileged roles (rate-limited, lockout)',
  },
  'POST /api/v1/staff/login/enroll': {
    access: 'public',
    summary:
      'Authenticator enrollment for an account without one (new, or reset by an admin): the right password returns a new secret; the first code from it at login completes it (counted like a login)',
  },
  'GET /api/v1/staff/me': { access: 'any-staff', summary: 'Own staff identity' },
  'POST /api/v1/staff/me/password': {
    access: 'any-staff',
    summary: 'Change own password (current one first; breached and common passwords refused; ends every session)',
  },
  'POST /api/v1/staff/logout': { access: 'any-staff', summary: 'Log out: this session is revoked server-side' },
  'POST /api/v1/staff/lookup': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "resident's current region (outside it: the same 404 as no match)" },
    summary:
      'Find a resident by ID or phone (HMAC), stating a purpose (an appeal must be one the caller may work on); rate-limited per staff member; logged to their access log and audited',
  },
  'POST /api/v1/staff/residents/:residentId/card': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "resident's current region (outside it: the same 404 as no match)" },
    summary:
      "Issue a printed card for a verified resident with no phone, stating the call; logged to the resident's access log and audited",
  },
  'GET /api/v1/staff/residents/:residentId/card/pdf': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "resident's current region (outside it: the same 404 as no match)" },
    summary: "The resident's printed card as a PDF, stating the call; logged to the resident's access log and audited",
  },
  'POST /api/v1/staff/identity-verifications': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "resident's current region" },
    summary:
      "File a hotline-assisted verification (document checked, written reason) for a supervisor; logged to the resident's access log and audited",
  },
  'POST /api/v1/staff/care-consents': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'content', on: "the adult's home region" },
    summary:
      "File an adult's hotline consent to a carer (no phone): creates their record, a pending care link and the identity check a different supervisor approves; audited",
  },
  'GET /api/v1/staff/identity-verifications': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "resident's region when filed" },
    summary: 'The identity verification queue (pending, approved or refused)',
  },
  'POST /api/v1/staff/identity-verifications/:id/decision': {
    access: ['supervisor'],
    scope: { mode: 'deny', on: "resident's region when filed" },
    summary:
      "Approve (the resident becomes verified, method hotline) or refuse; a different person than the filer; logged to the resident's access log and audited",
  },
  'GET /api/v1/staff/accounts': {
    access: ['system-admin'],
    scope: { mode: 'filter', on: "account's region scope" },
    summary: 'List staff accounts',
  },
  'POST /api/v1/staff/accounts': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "new account's region scope" },
    summary: 'Create a staff account (a supervisor or admin role is disabled until a second system-admin approves)',
  },
  'POST /api/v1/staff/accounts/:id/role': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's current and new region scope" },
    summary: 'Set role and region scope (never one’s own; a supervisor or admin role waits for a second system-admin)',
  },
  'POST /api/v1/staff/accounts/:id/unlock': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's region scope" },
    summary: 'Lift a lock after repeated failed logins',
  },
  'GET /api/v1/staff/grants': {
    access: ['system-admin'],
    scope: { mode: 'filter', on: "grant's region scope" },
    summary: 'Role grants waiting for (or given) a second system-admin’s decision',
  },
  'POST /api/v1/staff/grants/:id/approve': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "grant's and account's region scope" },
    summary: 'Approve a role grant (not one asked for by the caller, nor for the caller’s own account)',
  },
  'POST /api/v1/staff/grants/:id/refuse': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "grant's and account's region scope" },
    summary: 'Refuse a role grant (a refused new account is removed)',
  },
  'POST /api/v1/staff/accounts/:id/disable': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's region scope" },
    summary: 'Disable an account (ends its sessions)',
  },
  'POST /api/v1/staff/accounts/:id/enable': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's region scope" },
    summary: 'Re-enable an account',
  },
  'POST /api/v1/staff/accounts/:id/reset-password': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's region scope" },
    summary: 'Set a new password (unlocks, ends sessions)',
  },
  'POST /api/v1/staff/accounts/:id/reset-totp': {
    access: ['system-admin'],
    scope: { mode: 'deny', on: "account's region scope" },
    summary: 'Forget the authenticator (ends sessions): the staff member enrolls a new one at their next login',
  },
  'GET /api/v1/audit': {
    access: ['auditor', 'system-admin'],
    scope: { mode: 'filter', on: "entry's region ('' scope also sees entries without one)" },
    summary: 'Audit log entries, filterable',
  },
  'GET /api/v1/audit/verify': {
    access: ['auditor', 'system-admin'],
    summary: 'Recompute the audit hash chain; names the first broken entry',
  },

  // Rules, risk levels and what-if previews: administrators; a regional admin changes only regions inside their scope
  'GET /api/v1/admin/rule-sets': {
    access: ['region-admin', 'system-admin'],
    summary: 'Rule sets: drafts, previews, published',
  },
  'POST /api/v1/admin/rule-sets': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'regions the draft changes' },
    summary: 'Create a draft rule set',
  },
  'GET /api/v1/admin/rule-sets/:id': { access: ['region-admin', 'system-admin'], summary: 'One rule set' },
  'PUT /api/v1/admin/rule-sets/:id': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'regions the draft changes' },
    summary: 'Replace a draft',
  },
  'PUT /api/v1/admin/rule-sets/:id/overrides/:prefix': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: 'override prefix' },
    summary: "Set one region's parameter overrides in a draft",
  },
  'POST /api/v1/admin/rule-sets/:id/preview': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'regions the draft changes' },
    summary: 'What-if of a draft against everyone',
  },
  'POST /api/v1/admin/rule-sets/:id/publish': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'regions the draft changes' },
    summary: 'Publish a draft (audited, re-scores everyone)',
  },
  'POST /api/v1/admin/previews': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'risk-change regions' },
    summary: 'What-if of risk-level changes',
  },
  'GET /api/v1/admin/risk-levels': { access: 'any-staff', summary: 'Risk level history' },
  'POST /api/v1/admin/risk-levels': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: 'region' },
    summary: 'Set risk levels (audited, re-scores the region)',
  },
  'POST /api/v1/admin/risk-levels/:id/retract': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "the level's region" },
    summary: 'Retract a mistaken risk level (kept in the history; re-scores everyone)',
  },
  'POST /api/v1/admin/risk-levels/import/check': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: "each row's region" },
    summary: 'Check a risk-level CSV: valid and refused rows, and a preview of the affected residents (nothing set)',
  },
  'POST /api/v1/admin/risk-levels/import': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'content', on: "each row's region" },
    summary: 'Risk levels from CSV',
  },
  'GET /api/v1/rescore/runs': { access: 'any-staff', summary: 'The newest re-scoring runs (counts only)' },
  'GET /api/v1/rescore/runs/:id': { access: 'any-staff', summary: 'Progress of a re-scoring run (counts only)' },
  'GET /api/v1/stats/colors': { access: 'public', summary: 'Colour counts per region (no person-level data)' },
  // Health-authority imports (keyed by ID HMAC; the file itself is never stored)
  'POST /api/v1/admin/imports': {
    access: ['system-admin', 'region-admin'],
    scope: { mode: 'content', on: "each row's region (where the fact happened)" },
    summary:
      'Stage an authority CSV (cases, contacts, bookings); per-row validation only, a row outside scope is refused',
  },
  'POST /api/v1/admin/imports/:id/approve': {
    access: ['system-admin', 'region-admin'],
    scope: { mode: 'filter', on: "the import's scope (same 404 outside it); not the uploader" },
    summary: 'Second person applies a staged import (match counts appear now; re-scores the matched)',
  },
  'POST /api/v1/admin/imports/:id/reject': {
    access: ['system-admin', 'region-admin'],
    scope: { mode: 'filter', on: "the import's scope (same 404 outside it)" },
    summary: 'Drop a staged import unapplied',
  },
  'POST /api/v1/admin/withdrawals': {
    access: ['supervisor', 'region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "the fact's region or the import's scope" },
    summary: 'Ask to withdraw an authority fact or a whole import, with a reason',
  },
  'GET /api/v1/admin/withdrawals': {
    access: ['supervisor', 'region-admin', 'system-admin'],
    scope: { mode: 'filter', on: 'region' },
    summary: 'Withdrawal requests in scope',
  },
  'POST /api/v1/admin/withdrawals/:id/approve': {
    access: ['supervisor', 'region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "the record's region; not the requester" },
    summary: 'Second person approves a withdrawal (facts removed, everyone re-scored)',
  },
  'GET /api/v1/admin/imports': {
    access: ['system-admin', 'region-admin'],
    scope: { mode: 'filter', on: "the import's scope" },
    summary: 'Imports with counts (match counts only once applied)',
  },
  'GET /api/v1/admin/imports/:id': {
    access: ['system-admin', 'region-admin'],
    scope: { mode: 'filter', on: "the import's scope (same 404 outside it)" },
    summary: 'One import',
  },
  'GET /api/v1/admin/imports/:id/errors.csv': {
    access: ['system-admin', 'region-admin'],
    summary: 'Rows refused, with line numbers and reasons (no ID numbers)',
  },
  'GET /favicon.ico': { access: 'public', summary: 'Icon' },

  // Checkpoints (registry and devices): administrators inside their region scope
  'GET /api/v1/admin/trusted-issuers': {
    access: ['system-admin'],
    summary: 'Trust list of peer issuers, with this deployment’s own issuer id',
  },
  'POST /api/v1/admin/trusted-issuers': {
    access: ['system-admin'],
    summary: 'Add a peer issuer (issuer document URL, keys fetched and pinned; or pasted keys): pending approval',
  },
  'POST /api/v1/admin/trusted-issuers/:id/approve': {
    access: ['system-admin'],
    summary: 'Approve a pending peer issuer (a second administrator: not the one who asked)',
  },
  'POST /api/v1/admin/trusted-issuers/:id/suspend': {
    access: ['system-admin'],
    summary: 'Suspend trust in a peer issuer, with a reason',
  },
  'POST /api/v1/admin/trusted-issuers/:id/reinstate': {
    access: ['system-admin'],
    summary: 'Ask to trust a suspended peer again (back to pending: a second administrator approves)',
  },
  'POST /api/v1/admin/trusted-issuers/:id/keys': {
    access: ['system-admin'],
    summary:
      'Ask to pin a peer’s new keys after it rotated them (fetched again or pasted): a second administrator approves',
  },
  'POST /api/v1/admin/trusted-issuers/:id/keys/approve': {
    access: ['system-admin'],
    summary: 'Approve a peer’s new keys (a second administrator: not the one who asked); they replace the pinned keys',
  },
  'POST /api/v1/admin/trusted-issuers/:id/keys/discard': {
    access: ['system-admin'],
    summary: 'Drop a peer’s new keys that wait for approval, with a reason',
  },
  'POST /api/v1/admin/trusted-issuers/:id/remove': {
    access: ['system-admin'],
    summary: 'Remove a peer issuer from the trust list, with a reason',
  },
  'POST /api/v1/checkpoints': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Register a checkpoint (kind, region, place, admitted colours)',
  },
  'GET /api/v1/checkpoints': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'filter', on: "checkpoint's region" },
    summary: 'List checkpoints',
  },
  'PUT /api/v1/checkpoints/:id/admission': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Change which colours a checkpoint admits, of own codes and of trusted peers’ codes',
  },
  'POST /api/v1/checkpoints/:id/disable': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Disable a checkpoint (its devices stop scanning)',
  },
  'POST /api/v1/checkpoints/:id/devices': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Issue a device credential (secret shown once)',
  },
  'GET /api/v1/checkpoints/:id/devices': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'List device credentials (no secrets)',
  },
  'POST /api/v1/checkpoints/:id/devices/:credentialId/revoke': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Revoke a device credential',
  },
  'GET /api/v1/checkpoints/:id/stats': {
    access: ['region-admin', 'system-admin', 'auditor'],
    scope: { mode: 'deny', on: "checkpoint's region" },
    summary: 'Scan counts by result (nothing per person)',
  },
  // Scanning devices: public to the session guard; DeviceGuard demands `Authorization: Device <id>.<secret>` of
  // this checkpoint (none: 401; another checkpoint's device: 403, counted as rejected). No session ever works here.
  'POST /api/v1/checkpoints/:id/scans': {
    access: 'device',
    summary: 'Device credential only: scan one code, answered after it is committed',
  },
  'POST /api/v1/checkpoints/:id/scans/batch': {
    access: 'device',
    summary: 'Device credential only: upload up to 500 offline scans (idempotent)',
  },
  'GET /api/v1/me/scans': { access: 'resident', summary: 'Own scans: checkpoint, time, result, deletion date' },
  'GET /api/v1/me/card': { access: 'resident', summary: 'Own printed card in use (dates, masked name), or none' },
  'POST /api/v1/me/card': {
    access: 'resident',
    summary: 'Issue a printed card (verified residents); a card in use is revoked as reissued',
  },
  'POST /api/v1/me/card/revoke': { access: 'resident', summary: 'Revoke own printed card (lost, no longer needed)' },
  'GET /api/v1/me/card/pdf': { access: 'resident', summary: 'Own printed card as an A4 or A6 PDF' },
  // Contact tracing: the only staff view of one person's scans
  'POST /api/v1/tracing-requests': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "resident's current region" },
    summary: 'Request the scans of one confirmed case',
  },
  'GET /api/v1/tracing-requests': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "resident's current region" },
    summary: 'Contact-tracing requests with their status (?status=); a hotline agent sees only their own',
  },
  'POST /api/v1/tracing-requests/:id/decision': {
    access: ['supervisor'],
    scope: { mode: 'deny', on: "resident's current region" },
    summary: 'Approve or reject (a different supervisor than the requester)',
  },
  'GET /api/v1/tracing-requests/:id/scans': {
    access: ['hotline-agent', 'supervisor'],
    summary:
      "Approved request only, and only its requester or approving supervisor (stricter than scope); logged to the resident's access log",
  },
  // Appeals (issue #6): residents only ever their own appeals (another's is 404); staff inside the appeal's region
  'POST /api/v1/me/appeals': {
    access: 'resident',
    summary: 'Appeal one reason on own code (multipart: fields + up to 3 evidence files)',
  },
  'GET /api/v1/me/appeal-categories': {
    access: 'resident',
    summary: 'Appeal categories offered by the region responsible for own code',
  },
  'GET /api/v1/me/appeals': { access: 'resident', summary: 'Own appeals with status and timeline' },
  'GET /api/v1/me/appeals/:number': { access: 'resident', summary: "One own appeal (another resident's is 404)" },
  'POST /api/v1/me/appeals/:number/answer': {
    access: 'resident',
    summary: 'Answer a request for information (multipart)',
  },
  'POST /api/v1/me/appeals/:number/withdraw': { access: 'resident', summary: 'Withdraw an undecided appeal' },
  'POST /api/v1/me/appeals/:number/close': { access: 'resident', summary: 'Close a decided appeal' },
  'GET /api/v1/me/appeals/:number/evidence/:sha256': { access: 'resident', summary: 'Download own evidence file' },
  'GET /api/v1/me/notifications': { access: 'resident', summary: 'Messages delivered by the dev notification channel' },
  'GET /api/v1/me/notifications/templates': {
    access: 'resident',
    summary: 'Subscribe-message template ids (WeChat, Alipay) the mini-program asks the resident to subscribe to',
  },
  'GET /api/v1/appeals': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "appeal's region" },
    summary: 'Appeals in own region scope',
  },
  'GET /api/v1/appeals/backlog': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'filter', on: "appeal's region" },
    summary: 'Open, due-soon and breached appeal counts in own region scope',
  },
  'GET /api/v1/appeals/:number': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: "One appeal with the resident's masked record; logged to the resident's access log",
  },
  'POST /api/v1/appeals/:number/review': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Start reviewing an appeal',
  },
  'POST /api/v1/appeals/:number/request-info': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Ask the resident for information',
  },
  'POST /api/v1/appeals/:number/decision': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Decide (upheld, corrected with an override, rejected), with a written reason',
  },
  'POST /api/v1/appeals/:number/approval': {
    access: ['supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Approve or refuse a lowering decision (not its decider)',
  },
  'POST /api/v1/appeals/:number/close': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Close a decided appeal',
  },
  'GET /api/v1/appeals/:number/evidence/:sha256': {
    access: ['hotline-agent', 'supervisor'],
    scope: { mode: 'deny', on: "appeal's region" },
    summary: 'Download an evidence file',
  },
  'GET /api/v1/stats/appeals': {
    access: 'public',
    summary: 'Median time to decision, share within deadline, overturn rate per rule',
  },
  'GET /api/v1/admin/appeal-policies': {
    access: ['region-admin', 'system-admin', 'supervisor'],
    scope: { mode: 'filter', on: "policy's region prefix" },
    summary: 'Appeal deadlines, the two-person rule and categories: defaults and per-region rows',
  },
  'PUT /api/v1/admin/appeal-policies/:regionPrefix': {
    access: ['region-admin', 'system-admin'],
    scope: { mode: 'deny', on: 'the region prefix' },
    summary: "Set a region prefix's appeal deadlines, two-person rule and categories (audited)",
  },
  // Queue dashboard (issue #9): bull-board, mounted outside Nest. A system admin gets a 5-minute ticket here and the
  // console opens the board with it; the board's own routes answer 401 to every bearer session (ticket hook).
  'POST /api/v1/admin/queues/session': {
    access: ['system-admin'],
    summary: 'A 5-minute ticket that opens the queue dashboard (bull-board)',
  },
  'GET /api/admin/queues/**': {
    access: 'queue-ticket',
    summary: 'Queue dashboard: page, assets, queue and job reads',
    optional: true,
  },
  'POST /api/admin/queues/**': { access: 'queue-ticket', summary: 'Queue dashboard: add a job', optional: true },
  'PUT /api/admin/queues/**': {
    access: 'queue-ticket',
    summary: 'Queue dashboard: retry, promote, clean, pause, resume, empty',
    optional: true,
  },
  'PATCH /api/admin/queues/**': {
    access: 'queue-ticket',
    summary: "Queue dashboard: change a job's data, delay or priority",
    optional: true,
  },
};

export type Caller = 'anonymous' | 'resident' | StaffRole;
export const CALLERS: readonly Caller[] = ['anonymous', 'resident', ...STAFF_ROLES];

export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'out-of-scope';

/** The matrix entry for a registered route: exact key first, then the longest `/**` prefix; HEAD follows GET. */
export function permissionFor(
  method: string,
  url: string,
  matrix = PERMISSION_MATRIX,
): { key: string; permission: RoutePermission } | null {
  const m = method === 'HEAD' ? 'GET' : method;
  const exact = `${m} ${url}`;
  if (matrix[exact]) return { key: exact, permission: matrix[exact] };
  const prefixes = Object.keys(matrix)
    .filter((k) => k.endsWith('/**'))
    .map((k) => ({ key: k, method: k.split(' ')[0], base: k.slice(k.indexOf(' ') + 1, -3) }))
    .filter((p) => p.method === m && (url === p.base || url.startsWith(`${p.base}/`)))
    .sort((a, b) => b.base.length - a.base.length);
  return prefixes[0] ? { key: prefixes[0].key, permission: matrix[prefixes[0].key] } : null;
}

/** What the matrix says a caller gets; `inScope` matters only for 'deny' scoped routes. */
export function expectedOutcome(p: RoutePermission, caller: Caller, inScope: boolean): Outcome {
  if (p.access === 'public') return 'allowed';
  // No bearer session opens a device route: every caller without a device credential is unauthenticated.
  if (p.access === 'device') return 'unauthenticated';
  // Nor does any bearer session open the queue dashboard: only its ticket does.
  if (p.access === 'queue-ticket') return 'unauthenticated';
  if (caller === 'anonymous') return 'unauthenticated';
  if (p.access === 'resident') return caller === 'resident' ? 'allowed' : 'forbidden';
  if (caller === 'resident') return 'forbidden';
  if (p.access !== 'any-staff' && !p.access.includes(caller)) return 'forbidden';
  return p.scope?.mode === 'deny' && !inScope ? 'out-of-scope' : 'allowed';
}
