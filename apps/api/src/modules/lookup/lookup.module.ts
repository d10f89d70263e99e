import { Module } from '@nestjs/common';

import { LookupController } from './lookup.controller';
import { LookupService } from './lookup.service';
import { ResidentRecordRepository } from './resident-record.repository';

@Module({ controllers: [LookupController], providers: [LookupService, ResidentRecordRepository] })
export class LookupModule {}
