import { signCardStatusList } from '@healthcode/qr-token';
import { Inject, Injectable } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { CodeSignerService } from '../keys/code-signer.service';
import { PrintedCardRepository } from './printed-card.repository';

/** The status list is rebuilt at most this often (by the injected clock), and sooner after a revocation here. */
export const CARD_STATUS_MAX_AGE_MS = 15 * 60_000;

/**
 * The signed status list offline checkpoints cache with the keys: ids of unexpired cards that are revoked or whose
 * holder is not green. Built on demand and kept at most 15 minutes per process, so nothing is lost to a restart (the
 * next request builds it) and no worker is needed; its `iat` tells devices how old their answer is.
 */
@Injectable()
export class CardStatusListService {
  private built: { jws: string; at: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cards: PrintedCardRepository,
    private readonly signer: CodeSignerService,
    private readonly clock: Clock,
  ) {}

  async signed(): Promise<string> {
    const now = this.clock.now();
    if (this.built && now.getTime() - this.built.at < CARD_STATUS_MAX_AGE_MS && now.getTime() >= this.built.at)
      return this.built.jws;
    const { revoked, notGreen } = await this.cards.refusedCardIds(now);
    const jws = await signCardStatusList(
      { iss: this.config.issuer.id, iat: Math.floor(now.getTime() / 1000), revoked, notGreen },
      this.signer.keyRing.current,
    );
    this.built = { jws, at: now.getTime() };
    return jws;
  }

  /** A card revoked in this process shows up in this process's next list at once. */
  invalidate(): void {
    this.built = null;
  }
}
