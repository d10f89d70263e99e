import type { CaseFact, CloseContactFact, EvaluationFacts, RegionRiskLevel, StaffOverrideFact, SymptomCode, TransportBookingFact } from '@healthcode/rules';

import type { AuthorityFactEntity } from '../authority/authority-fact.entity';
import type { CheckInEntity } from '../declaration/check-in.entity';
import type { DeclarationEntity } from '../declaration/declaration.entity';
import type { ResidentEntity } from '../resident/resident.entity';

export interface FactSources {
  resident: Pick<ResidentEntity, 'homeRegion' | 'currentRegion'>;
  declaration: Pick<DeclarationEntity, 'currentRegion' | 'stays' | 'symptoms' | 'contactDate'> | null;
  checkIns: Pick<CheckInEntity, 'day' | 'healthy'>[];
  authority: Pick<AuthorityFactEntity, 'id' | 'kind' | 'data'>[];
  overrides: StaffOverrideFact[];
  riskLevels: RegionRiskLevel[];
}

/** Turns stored rows into the engine's facts. Pure, so the worker's bulk path and the API share it. */
export function buildEvaluationFacts(s: FactSources): EvaluationFacts {
  const cases: CaseFact[] = [];
  const closeContacts: CloseContactFact[] = [];
  const transportBookings: TransportBookingFact[] = [];
  for (const f of s.authority) {
    const d = f.data;
    if (f.kind === 'case') cases.push({ status: d.status as CaseFact['status'], date: String(d.date), clearedDate: d.clearedDate ?? null, ref: f.id });
    else if (f.kind === 'contact') closeContacts.push({ date: String(d.date), ref: f.id });
    else if (f.kind === 'booking') {
      transportBookings.push({ mode: d.mode as TransportBookingFact['mode'], fromRegion: String(d.fromRegion), toRegion: String(d.toRegion), date: String(d.date), ref: f.id });
    }
  }
  return {
    homeRegion: s.resident.homeRegion,
    currentRegion: s.declaration?.currentRegion ?? s.resident.currentRegion,
    stays: s.declaration?.stays ?? [],
    symptoms: (s.declaration?.symptoms ?? []).map((x) => ({ symptom: x.symptom as SymptomCode, onset: x.onset })),
    declaredContacts: s.declaration?.contactDate ? [{ date: s.declaration.contactDate }] : [],
    checkIns: s.checkIns.map((c) => ({ date: c.day, healthy: c.healthy })),
    cases,
    closeContacts,
    transportBookings,
    staffOverrides: s.overrides,
    riskLevels: s.riskLevels,
  };
}
