import { createHash, randomBytes } from 'node:crypto';

import type { VerificationRequest } from '@healthcode/contracts';

import { HostCodeRejected, HostUnavailable } from '../../login/host-providers/host-provider.interface';
import { WechatHostProvider } from '../../login/host-providers/wechat-host.provider';
import type { PiiCryptoService } from '../../crypto/pii-crypto.service';
import {
  type IdentityProof,
  type IdentityVerifier,
  VerificationNegativeError,
  VerificationRefusedError,
  type VerificationSubject,
} from '../identity-verifier.interface';
import type { WechatVerifySessionRepository } from '../../identity/wechat-verify-session.repository';
import { type AccessTokenSource, AccessTokenUnavailable } from '../../host-token/shared-access-token';
import { wechatCertHash } from './wechat-cert-hash.util';

export interface WechatOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs?: number;
}

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  expires_in?: number;
  verify_id?: string;
  verify_ret?: number;
}

/** The access token expired or was replaced by another caller: fetch a new one and retry once. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);
/** verify_ret values meaning the face data showed someone else or nothing usable: a definitive failure. */
const FACE_FAILED = new Set([90011, 90013, 90014]);
const hashOf = (verifyId: string) => createHash('sha256').update(verifyId, 'utf8').digest();

/**
 * WeChat face-plus-ID verification for government service mini-programs. `start` proves the caller is the WeChat
 * user who logged in (a fresh `wx.login` code), then asks WeChat for a verify id bound to the profile's name and
 * number (`getVerifyId`); the mini-program runs `wx.requestFacialVerify({verifyId})`; `verify` then confirms the
 * result with WeChat (`queryVerifyInfo`, with the same out_seq_no, openid and a cert_hash of the identity), never
 * trusting the mini-program's own success callback.
 */
export class WechatIdentityVerifier implements IdentityVerifier {
  readonly method = 'wechat' as const;
  private readonly login: WechatHostProvider;

  constructor(
    private readonly options: WechatOptions,
    private readonly crypto: PiiCryptoService,
    private readonly sessions: WechatVerifySessionRepository,
    private readonly now: () => Date,
    /** The one access token shared by all processes (host-token module), never fetched here. */
    private readonly tokens: AccessTokenSource,
  ) {
    this.login = new WechatHostProvider(options);
  }

  async start(subject: VerificationSubject, loginCode: string): Promise<{ verifyId: string; expiresIn: number }> {
    if (subject.hostProvider !== 'wechat')
      throw new VerificationRefusedError('WeChat verifies only accounts that logged in through WeChat');
    if (subject.idType !== 'resident-id')
      throw new VerificationRefusedError('The WeChat face check works with resident ID cards only; call the hotline');
    let openid: string;
    try {
      openid = await this.login.exchange(loginCode);
    } catch (error) {
      if (error instanceof HostCodeRejected)
        throw new VerificationRefusedError(
          'WeChat did not accept this login code (expired or already used); start again',
        );
      throw error;
    }
    if (!this.crypto.hmacMatches('host', `wechat:${openid}`, subject.hostKey))
      throw new VerificationRefusedError(
        'This WeChat code belongs to a different WeChat account than the one you logged in with',
      );
    const { name, idNumber } = subject.reveal();
    const outSeqNo = randomBytes(16).toString('hex');
    const answer = await this.post('/cityservice/face/identify/getverifyid', {
      out_seq_no: outSeqNo,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: name, cert_no: idNumber },
      openid,
    });
    if (answer.errcode || !answer.verify_id)
      throw new HostUnavailable(`WeChat could not start the face check (errcode ${answer.errcode ?? 'none'})`);
    const expiresIn = answer.expires_in ?? 3600;
    await this.sessions.insert({
      verifyIdHash: hashOf(answer.verify_id),
      residentId: subject.residentId,
      outSeqNo,
      openidEnc: this.crypto.encrypt(openid),
      idHmac: subject.idHmac,
      expiresAt: new Date(this.now().getTime() + expiresIn * 1000),
    });
    return { verifyId: answer.verify_id, expiresIn };
  }

  async verify(subject: VerificationSubject, request: VerificationRequest): Promise<IdentityProof> {
    if (request.method !== 'wechat') throw new VerificationRefusedError('Not a WeChat verification');
    const session = await this.sessions.find(hashOf(request.verifyId));
    // A verify id we never started for this resident is forged or someone else's: same answer either way.
    if (!session || session.residentId !== subject.residentId)
      throw new VerificationRefusedError('This face check was not started from your account; start a new one');
    if (session.expiresAt.getTime() <= this.now().getTime())
      throw new VerificationRefusedError('This face check has expired; start a new one');
    if (!session.idHmac.equals(subject.idHmac))
      throw new VerificationRefusedError(
        'This face check was for a different ID number than the one in your profile; start a new one',
      );
    const { name, idNumber } = subject.reveal();
    const answer = await this.post('/cityservice/face/identify/queryverifyinfo', {
      verify_id: request.verifyId,
      out_seq_no: session.outSeqNo,
      cert_hash: wechatCertHash({ cert_type: 'IDENTITY_CARD', cert_name: name, cert_no: idNumber }),
      openid: this.crypto.decrypt(session.openidEnc),
    });
    if (answer.errcode)
      throw new VerificationRefusedError(`WeChat did not confirm this face check (errcode ${answer.errcode})`);
    if (answer.verify_ret === 10000) return { idHmac: session.idHmac, proofRef: request.verifyId };
    if (answer.verify_ret !== undefined && FACE_FAILED.has(answer.verify_ret))
      throw new VerificationNegativeError('the WeChat face check did not match the ID number');
    throw new VerificationRefusedError('The face check was not completed (cancelled or interrupted); start a new one');
  }

  private async post(path: string, body: object, retried = false): Promise<WechatAnswer> {
    const url = new URL(path, this.options.apiBase);
    const token = await this.accessToken();
    url.searchParams.set('access_token', token);
    const answer = await this.fetchJson(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (answer.errcode && TOKEN_EXPIRED.has(answer.errcode) && !retried) {
      await this.tokens.invalidate(token);
      return this.post(path, body, true);
    }
    return answer;
  }

  private async accessToken(): Promise<string> {
    try {
      return await this.tokens.token();
    } catch (error) {
      if (error instanceof AccessTokenUnavailable) throw new HostUnavailable(error.message);
      throw error;
    }
  }

  private async fetchJson(url: URL, init: RequestInit): Promise<WechatAnswer> {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      if (!res.ok) throw new HostUnavailable(`WeChat answered HTTP ${res.status}`);
      return (await res.json()) as WechatAnswer;
    } catch (error) {
      if (error instanceof HostUnavailable) throw error;
      throw new HostUnavailable('WeChat is unreachable');
    }
  }
}
