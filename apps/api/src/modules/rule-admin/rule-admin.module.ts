import { Module } from '@nestjs/common';

import { RescoreApiModule } from '../rescore/rescore-api.module';
import { PreviewService } from './preview.service';
import { RiskAdminService } from './risk-admin.service';
import { RiskRetractionService } from './risk-retraction.service';
import { RiskLevelAdminRepository } from './risk-level-admin.repository';
import { RiskLevelController } from './risk-level.controller';
import { RuleAdminController } from './rule-admin.controller';
import { RuleAdminService } from './rule-admin.service';
import { RuleSetAdminRepository } from './rule-set-admin.repository';

/** Rule-set drafts → preview → publish, regional overrides within the admin's scope, region risk levels. */
@Module({
  imports: [RescoreApiModule],
  controllers: [RuleAdminController, RiskLevelController],
  providers: [
    PreviewService,
    RiskAdminService,
    RiskLevelAdminRepository,
    RiskRetractionService,
    RuleAdminService,
    RuleSetAdminRepository,
  ],
})
export class RuleAdminModule {}
