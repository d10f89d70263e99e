import { importSigningKey, type JWK, KeyRing } from '@healthcode/qr-token';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BoundedCache } from './bounded-cache';

export interface SignedCode {
  token: string;
  expiresAt: Date;
}

/** Re-sign only when less than this much validity remains: signing on every fetch would cap throughput. */
const REUSE_MARGIN_MS = 60_000;
const TOKEN_TTL_SEC = 300;

/** Holds the QR key ring (parsed once) and caches signed tokens per code state. */
@Injectable()
export class CodeSignerService implements OnModuleInit {
  private ring!: KeyRing;
  private readonly cache = new BoundedCache<string, SignedCode>(200_000);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const current = await importSigningKey(this.config.qrKeys.current as JWK);
    const previous = this.config.qrKeys.previous ? await importSigningKey(this.config.qrKeys.previous as JWK) : null;
    this.ring = KeyRing.of(current, previous);
  }

  jwks() {
    return this.ring.jwks();
  }

  get keyRing(): KeyRing {
    return this.ring;
  }

  async sign(
    state: { codeId: string; color: 'green' | 'yellow' | 'red'; ruleSetVersion: number; codeVersion: number },
    now: Date,
  ): Promise<SignedCode> {
    const key = `${state.codeId}:${state.codeVersion}:${state.color}:${state.ruleSetVersion}:${this.ring.current.kid}`;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS) return cached;
    const iat = Math.floor(now.getTime() / 1000);
    const token = await this.ring.sign({
      cid: state.codeId,
      col: state.color,
      rsv: state.ruleSetVersion,
      cv: state.codeVersion,
      iat,
      exp: iat + TOKEN_TTL_SEC,
    });
    const signed = { token, expiresAt: new Date((iat + TOKEN_TTL_SEC) * 1000) };
    this.cache.set(key, signed);
    return signed;
  }
}
