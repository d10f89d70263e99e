import type { SymptomCode } from '@healthcode/rules';

/** A check-in temperature at or above this (°C) reports fever. */
export const FEVER_FROM_CELSIUS = 37.3;

/**
 * A check-in that reports fever or a symptom is a self-declared symptom with that day as its onset, so it counts
 * exactly as a declared symptom does (the symptoms rule decides which symptoms change the colour).
 */
export function checkInSymptoms(checkIn: {
  day: string;
  temperature: string | number | null;
  symptoms: readonly string[] | null;
}): { symptom: SymptomCode; onset: string }[] {
  const reported = new Set<string>(checkIn.symptoms ?? []);
  if (checkIn.temperature !== null && Number(checkIn.temperature) >= FEVER_FROM_CELSIUS) reported.add('fever');
  return [...reported].map((symptom) => ({ symptom: symptom as SymptomCode, onset: checkIn.day }));
}
