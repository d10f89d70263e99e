import type { AccessLogEntry } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { AccessLogRepository } from './access-log.repository';

@Injectable()
export class AccessLogService {
  constructor(private readonly repo: AccessLogRepository) {}

  async listForResident(residentId: string): Promise<{ items: AccessLogEntry[] }> {
    const rows = await this.repo.listForResident(residentId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        role: r.role,
        purpose: r.purpose,
        scope: r.scope,
        ...(r.actedFor ? { actedFor: r.actedFor } : {}),
      })),
    };
  }
}
