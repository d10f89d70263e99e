import {
  ApiErrorCode,
  type CheckInRequest,
  cstDate,
  type DeclarationRequest,
  type MyDeclaration,
} from '@healthcode/contracts';
import { Injectable } from '@nestjs/common';

import { DomainException } from '../../common/domain.exception';
import { Clock } from '../clock/clock';
import { CodeService } from '../code/code.service';
import { FEVER_FROM_CELSIUS } from '../code/check-in-symptoms.util';
import { ResidentProfileService } from './resident-profile.service';
import { ResidentRepository } from '../resident/resident.repository';
import { DeclarationRepository } from '../declaration/declaration.repository';

@Injectable()
export class DeclarationService {
  constructor(
    private readonly declarations: DeclarationRepository,
    private readonly residents: ResidentRepository,
    private readonly profiles: ResidentProfileService,
    private readonly codes: CodeService,
    private readonly clock: Clock,
  ) {}

  /** `actorId`: the carer declaring for the resident, recorded on the history row the declaration causes. */
  async declare(
    residentId: string,
    input: DeclarationRequest,
    actorId?: string,
  ): Promise<{ id: string; declaredAt: string }> {
    await this.profiles.requireRegistered(residentId);
    const declaredAt = this.clock.now();
    const id = await this.declarations.insertDeclaration({
      residentId,
      currentRegion: input.currentRegion,
      stays: input.stays,
      symptoms: input.symptoms,
      contactDate: input.contact?.date ?? null,
      declaredAt,
    });
    await this.residents.setCurrentRegion(residentId, input.currentRegion);
    await this.codes.rescoreOne(residentId, 'declaration', `declaration:${id}`, actorId ?? null);
    return { id, declaredAt: declaredAt.toISOString() };
  }

  /** Every retained declaration of the resident, newest first: nothing a resident said about themselves is hidden. */
  async mine(residentId: string): Promise<{ items: MyDeclaration[] }> {
    const rows = await this.declarations.declarationsOf(residentId);
    return {
      items: rows.map((d) => ({
        id: d.id,
        declaredAt: d.declaredAt.toISOString(),
        currentRegion: d.currentRegion,
        stays: d.stays,
        symptoms: d.symptoms,
        contactDate: d.contactDate,
      })),
    };
  }

  async checkIn(residentId: string, input: CheckInRequest, actorId?: string): Promise<{ id: string; day: string }> {
    await this.profiles.requireRegistered(residentId);
    const now = this.clock.now();
    const day = cstDate(now);
    const feverish = input.temperature != null && input.temperature >= FEVER_FROM_CELSIUS;
    const healthy = input.healthy && !feverish && (input.symptoms?.length ?? 0) === 0;
    const id = await this.declarations.insertCheckIn({
      residentId,
      day,
      healthy,
      temperature: input.temperature != null ? input.temperature.toFixed(1) : null,
      symptoms: input.symptoms ?? [],
      createdAt: now,
    });
    if (!id)
      throw new DomainException(
        ApiErrorCode.AlreadyCheckedIn,
        `You have already checked in today (${day}); come back tomorrow`,
      );
    await this.codes.rescoreOne(residentId, 'check-in', `check-in:${day}`, actorId ?? null);
    return { id, day };
  }
}
