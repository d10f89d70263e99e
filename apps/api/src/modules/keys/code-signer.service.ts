import { createPublicKey, type JsonWebKey, type KeyObject, verify as verifySignature } from 'node:crypto';

import {
  type CardTokenClaims,
  type CardTokenVerifyResult,
  type CodeTokenSignatureCheck,
  type CodeTokenVerifyOptions,
  type CodeTokenVerifyResult,
  generateCodeId,
  importSigningKey,
  type JWK,
  KeyRing,
  signCardToken,
  verifyCardTokenWith,
  verifyCodeTokenWith,
} from '@healthcode/qr-token';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BoundedCache } from './bounded-cache';
import { CodeTokenRepository } from './code-token.repository';

export interface SignedCode {
  token: string;
  expiresAt: Date;
}

/** Re-sign only when less than this much validity remains: signing on every fetch would cap throughput. */
const REUSE_MARGIN_MS = 60_000;
const TOKEN_TTL_SEC = 300;

/**
 * Holds the QR key ring (parsed once) and caches signed tokens per code state. Every token it signs carries a
 * fresh random id (`cid`), linked to the resident only in `code_tokens`: two tokens of one resident share no
 * identifier, so scans at different places cannot be joined by anyone who sees only tokens or scan rows.
 */
@Injectable()
export class CodeSignerService implements OnModuleInit {
  private ring!: KeyRing;
  /** The ring's public keys as node:crypto KeyObjects, by kid: scans verify synchronously with these. */
  private verifyKeys = new Map<string, KeyObject>();
  private readonly cache = new BoundedCache<string, SignedCode>(200_000);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: CodeTokenRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    const current = await importSigningKey(this.config.qrKeys.current as JWK);
    const previous = this.config.qrKeys.previous ? await importSigningKey(this.config.qrKeys.previous as JWK) : null;
    this.ring = KeyRing.of(current, previous);
    this.verifyKeys = new Map(
      [current, previous].flatMap((key) =>
        key ? [[key.kid, createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' })] as const] : [],
      ),
    );
  }

  /**
   * Verifies a scanned QR token with node:crypto (ES256, JWS signature encoding): the same checks in the same
   * order as the library's WebCrypto `verifyCodeToken`, without a thread-pool job and a promise per token.
   */
  verify(token: unknown, options: CodeTokenVerifyOptions): CodeTokenVerifyResult {
    return verifyCodeTokenWith(token, this.checkSignature, options);
  }

  /** A printed card's token (`hc-card+jwt`), with the same keys on the same synchronous path. */
  verifyCard(token: unknown, options: CodeTokenVerifyOptions): CardTokenVerifyResult {
    return verifyCardTokenWith(token, this.checkSignature, options);
  }

  /** Signs a printed card's token with the current key (the card service stores the card and its scan link). */
  signCard(claims: CardTokenClaims): Promise<string> {
    return signCardToken(claims, this.ring.current);
  }

  private readonly checkSignature: CodeTokenSignatureCheck = (kid, input, signature) => {
    const key = this.verifyKeys.get(kid);
    if (!key) return undefined;
    return verifySignature('sha256', Buffer.from(input, 'ascii'), { key, dsaEncoding: 'ieee-p1363' }, signature);
  };

  jwks() {
    return this.ring.jwks();
  }

  get keyRing(): KeyRing {
    return this.ring;
  }

  async sign(
    state: { residentId: string; color: 'green' | 'yellow' | 'red'; ruleSetVersion: number; codeVersion: number },
    now: Date,
  ): Promise<SignedCode> {
    const key = `${state.residentId}:${state.codeVersion}:${state.color}:${state.ruleSetVersion}:${this.ring.current.kid}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS) return cached;
    const iat = Math.floor(now.getTime() / 1000);
    const cid = generateCodeId();
    const expiresAt = new Date((iat + TOKEN_TTL_SEC) * 1000);
    // The link is stored before the token leaves, so every token a checkpoint can see resolves.
    await this.tokens.insert({ tokenId: cid, residentId: state.residentId, expiresAt });
    const token = await this.ring.sign({
      cid,
      col: state.color,
      rsv: state.ruleSetVersion,
      cv: state.codeVersion,
      iss: this.config.issuer.id,
      iat,
      exp: iat + TOKEN_TTL_SEC,
    });
    const signed = { token, expiresAt };
    this.cache.set(key, signed);
    return signed;
  }
}
