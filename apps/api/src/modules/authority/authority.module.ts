import { Module } from '@nestjs/common';

import { RescoreApiModule } from '../rescore/rescore-api.module';
import { AuthorityFactErasureOwner } from './authority-fact-erasure.owner';
import { AuthorityImportController } from './authority-import.controller';
import { AuthorityImportRepository } from './authority-import.repository';
import { AuthorityImportService } from './authority-import.service';

/** Health-authority CSV feeds (cases, close contacts, transport bookings). */
@Module({
  imports: [RescoreApiModule],
  controllers: [AuthorityImportController],
  providers: [AuthorityFactErasureOwner, AuthorityImportRepository, AuthorityImportService],
})
export class AuthorityModule {}
