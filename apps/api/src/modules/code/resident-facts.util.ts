import type {
  CaseFact,
  CloseContactFact,
  EvaluationFacts,
  RegionRiskLevel,
  StaffOverrideFact,
  SymptomCode,
  TransportBookingFact,
} from '@healthcode/rules';

import type { AuthorityFactEntity } from '../authority-facts/authority-fact.entity';
import type { CheckInEntity } from '../declaration/check-in.entity';
import type { DeclarationEntity } from '../declaration/declaration.entity';
import type { ResidentEntity } from '../resident/resident.entity';
import { checkInSymptoms } from './check-in-symptoms.util';

export interface FactSources {
  resident: Pick<ResidentEntity, 'homeRegion' | 'currentRegion'>;
  /** Every retained declaration, newest first. */
  declarations: Pick<DeclarationEntity, 'currentRegion' | 'stays' | 'symptoms' | 'contactDate'>[];
  checkIns: Pick<CheckInEntity, 'day' | 'healthy' | 'temperature' | 'symptoms'>[];
  authority: Pick<AuthorityFactEntity, 'id' | 'kind' | 'data'>[];
  overrides: StaffOverrideFact[];
  riskLevels: RegionRiskLevel[];
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * Turns stored rows into the engine's facts. Pure, so the worker's bulk path and the API share it.
 * Self-declared facts are cumulative: a later declaration adds stays, symptoms and contacts but never
 * erases one already declared (otherwise re-declaring "nothing" would clear a red code); a mistaken
 * declaration is corrected through an appeal. The current region is the newest declaration's.
 */
export function buildEvaluationFacts(s: FactSources): EvaluationFacts {
  const cases: CaseFact[] = [];
  const closeContacts: CloseContactFact[] = [];
  const transportBookings: TransportBookingFact[] = [];
  for (const f of s.authority) {
    const d = f.data;
    if (f.kind === 'case')
      cases.push({
        status: d.status as CaseFact['status'],
        date: String(d.date),
        clearedDate: d.clearedDate ?? null,
        ref: f.id,
      });
    else if (f.kind === 'contact') closeContacts.push({ date: String(d.date), ref: f.id });
    else if (f.kind === 'booking') {
      transportBookings.push({
        mode: d.mode as TransportBookingFact['mode'],
        fromRegion: String(d.fromRegion),
        toRegion: String(d.toRegion),
        date: String(d.date),
        ref: f.id,
      });
    }
  }
  const stays = uniqueBy(
    s.declarations.flatMap((d) => d.stays),
    (x) => `${x.region}|${x.from}|${x.to}`,
  );
  // A check-in reporting fever or a symptom is a self-declared symptom too.
  const symptoms = uniqueBy(
    [...s.declarations.flatMap((d) => d.symptoms), ...s.checkIns.flatMap(checkInSymptoms)],
    (x) => `${x.symptom}|${x.onset}`,
  );
  const contacts = uniqueBy(
    s.declarations.filter((d) => d.contactDate).map((d) => ({ date: d.contactDate as string })),
    (x) => x.date,
  );
  return {
    homeRegion: s.resident.homeRegion,
    currentRegion: s.declarations[0]?.currentRegion ?? s.resident.currentRegion,
    stays,
    symptoms: symptoms.map((x) => ({ symptom: x.symptom as SymptomCode, onset: x.onset })),
    declaredContacts: contacts,
    checkIns: s.checkIns.map((c) => ({ date: c.day, healthy: c.healthy })),
    cases,
    closeContacts,
    transportBookings,
    staffOverrides: s.overrides,
    riskLevels: s.riskLevels,
  };
}

/**
 * The region a resident's code counts in (statistics, staff scope): the newest declaration's current region, else
 * the resident's own current or home region. One definition for both code write paths.
 */
export function codeRegionOf(
  resident: Pick<ResidentEntity, 'homeRegion' | 'currentRegion'>,
  declarations: readonly Pick<DeclarationEntity, 'currentRegion'>[],
): string {
  return declarations[0]?.currentRegion ?? resident.currentRegion ?? resident.homeRegion ?? '';
}
