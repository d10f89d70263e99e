import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../clock/clock';
import { MetricsService } from './metrics.service';

/**
 * The worker re-verifies the audit log's hash chain every AUDIT_VERIFY_EVERY_MINUTES and exports the result
 * (hc_audit_chain_ok, hc_audit_chain_verified_timestamp_seconds), so an alert fires when the chain breaks or when
 * verification stops running. The same check as `npm run audit:verify`.
 */
@Injectable()
export class AuditChainMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditChainMonitor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.check();
    this.timer = setInterval(() => void this.check(), this.config.auditVerifyEveryMinutes * 60_000);
  }

  /** One verification; concurrent calls share it. */
  check(): Promise<void> {
    this.running ??= this.verify().finally(() => (this.running = null));
    return this.running;
  }

  private async verify(): Promise<void> {
    try {
      const result = await this.audit.verify();
      this.metrics.auditChainOk.set(result.ok ? 1 : 0);
      this.metrics.auditChainVerifiedAt.set(this.clock.now().getTime() / 1000);
      if (!result.ok) this.logger.error({ entry: result.firstBroken?.seq }, 'audit chain broken');
    } catch (error) {
      // Not verified: the timestamp stays old, and the "not verified lately" alert fires.
      this.logger.warn({ err: (error as Error).message }, 'audit chain not verified');
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
