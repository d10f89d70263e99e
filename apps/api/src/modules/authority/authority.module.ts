import { Module } from '@nestjs/common';

import { RescoreApiModule } from '../rescore/rescore-api.module';
import { AuthorityFactErasureOwner } from './authority-fact-erasure.owner';
import { AuthorityImportController } from './authority-import.controller';
import { AuthorityImportRepository } from './authority-import.repository';
import { AuthorityImportService } from './authority-import.service';
import { AuthorityWithdrawalController } from './authority-withdrawal.controller';
import { AuthorityWithdrawalRepository } from './authority-withdrawal.repository';
import { AuthorityWithdrawalService } from './authority-withdrawal.service';

/** Health-authority CSV feeds (cases, close contacts, transport bookings): staged, approved, withdrawn. */
@Module({
  imports: [RescoreApiModule],
  controllers: [AuthorityImportController, AuthorityWithdrawalController],
  providers: [
    AuthorityFactErasureOwner,
    AuthorityImportRepository,
    AuthorityImportService,
    AuthorityWithdrawalRepository,
    AuthorityWithdrawalService,
  ],
})
export class AuthorityModule {}
