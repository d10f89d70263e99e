import type { CareHotlineConsent, HotlineVerificationView } from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { staffActor } from '../audit/audit-actor.util';
import { AuditService } from '../audit/audit.service';
import type { StaffPrincipal } from '../auth/session-token.service';
import { CareLinkService } from '../care/care-link.service';
import { ResidentRepository } from '../resident/resident.repository';
import { HotlineVerificationService } from './hotline-verification.service';

/**
 * An adult without a phone consents to a carer on a hotline call (issue #19). The agent files, in one transaction,
 * the adult's host-less record, a pending care link and the identity check of their papers; a different
 * supervisor's approval in the identity-verification queue verifies the adult and activates the link together
 * (HotlineVerificationService.decide), a refusal drops the link. Both steps are audited and in the adult's log.
 */
@Injectable()
export class CareHotlineConsentService {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly care: CareLinkService,
    private readonly hotline: HotlineVerificationService,
    private readonly audit: AuditService,
  ) {}

  file(staff: StaffPrincipal, input: CareHotlineConsent): Promise<HotlineVerificationView> {
    return this.residents.transaction(async (manager) => {
      const dependantId = await this.care.addHostlessAdultIn(manager, input.carerResidentId, input);
      const filed = await this.hotline.fileIn(manager, staff, {
        residentId: dependantId,
        idType: input.idType,
        idNumber: input.idNumber,
        documentType: input.documentType,
        reason: input.reason,
        callRef: input.callRef,
      });
      await this.audit.record(
        {
          actor: staffActor(staff),
          action: 'care.hotline-consent-filed',
          target: { type: 'hotline-verification', id: filed.id },
          region: filed.region,
          details: { documentType: input.documentType, idType: input.idType },
        },
        manager,
      );
      return filed;
    });
  }
}
