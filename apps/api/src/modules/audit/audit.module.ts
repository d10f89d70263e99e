import { Module } from '@nestjs/common';

import { AuditController } from './audit.controller';

/** The HTTP side of the audit log; AuditService itself is in CoreModule so every module and job can record. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
