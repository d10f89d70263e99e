import { z } from 'zod';

import { regionCode } from './region-code.contract';
import { pastOrTodayDate } from './zod-fields.util';

export const MAX_STAYS = 50;
export const SYMPTOMS = ['fever', 'cough', 'sore-throat', 'shortness-of-breath', 'fatigue', 'loss-of-smell'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const StaySchema = z
  .strictObject({ region: regionCode(), from: pastOrTodayDate(), to: pastOrTodayDate() })
  .refine((s) => s.from <= s.to, { path: ['to'], message: 'A stay must end on or after the day it starts' });

export const DeclarationRequestSchema = z
  .strictObject({
    currentRegion: regionCode(),
    stays: z.array(StaySchema).max(MAX_STAYS, `At most ${MAX_STAYS} stays`).default([]),
    symptoms: z
      .array(z.strictObject({ symptom: z.enum(SYMPTOMS), onset: pastOrTodayDate() }))
      .max(SYMPTOMS.length)
      .default([]),
    /** Self-declared contact with a confirmed case, or null for none. */
    contact: z.strictObject({ date: pastOrTodayDate() }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const sorted = v.stays.map((s, i) => ({ ...s, i })).sort((a, b) => a.from.localeCompare(b.from));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].from <= sorted[k - 1].to && sorted[k].from !== sorted[k - 1].to) {
        ctx.addIssue({
          code: 'custom',
          path: ['stays', sorted[k].i, 'from'],
          message: `This stay overlaps stay ${sorted[k - 1].i + 1}; one place per day (a travel day may end one stay and start the next)`,
        });
      }
    }
    const seen = new Set<string>();
    v.symptoms.forEach((s, i) => {
      if (seen.has(s.symptom))
        ctx.addIssue({ code: 'custom', path: ['symptoms', i, 'symptom'], message: 'Each symptom once' });
      seen.add(s.symptom);
    });
  });
export type DeclarationRequest = z.infer<typeof DeclarationRequestSchema>;
export type DeclarationInput = z.input<typeof DeclarationRequestSchema>;

/** GET /me/declarations: one of the resident's own declarations as submitted (all retained ones, newest first). */
export interface MyDeclaration {
  id: string;
  declaredAt: string;
  currentRegion: string;
  stays: { region: string; from: string; to: string }[];
  symptoms: { symptom: string; onset: string }[];
  contactDate: string | null;
}

export const CheckInRequestSchema = z.strictObject({
  healthy: z.boolean(),
  /** Body temperature in °C, if measured. */
  temperature: z.number().min(34).max(43).nullable().optional(),
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).optional(),
});
export type CheckInRequest = z.infer<typeof CheckInRequestSchema>;
