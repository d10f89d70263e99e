import { z } from 'zod';

import { systemNow } from './clock';
import { cstDate, isIsoDate } from './date.util';

/** Field builders shared by every request schema, so each message reads the same everywhere. */
export const isoDate = () =>
  z.string().max(10, 'Use a date like 2020-02-10').refine(isIsoDate, 'Use a real date like 2020-02-10');

/** A date that is today or earlier (CST). `now` is read when the request is validated. */
export const pastOrTodayDate = () => isoDate().refine((d) => d <= cstDate(systemNow()), 'This date is in the future');

/**
 * C0/C1 control characters, and the bidirectional marks, embeddings, overrides and isolates that make text
 * display in an order other than the one stored (a name that reads differently to staff than it matches).
 */
export const UNSAFE_TEXT_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A single-line name or label: trimmed, bounded, without control or bidirectional-override characters. */
export const boundedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((v) => !UNSAFE_TEXT_CHARS.test(v), UNSAFE_TEXT_MESSAGE);

/** What multi-line text refuses: the same, except tab, line feed and carriage return. */
export const UNSAFE_MULTILINE_CHARS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const UNSAFE_TEXT_MESSAGE = 'Control characters and text-direction overrides are not allowed';

/**
 * Multi-line free text a person writes and another reads (appeal statements and answers, decision reasons, approval
 * notes, retraction reasons, tracing justifications, changelogs): trimmed, bounded, newlines and tabs kept, control
 * and bidirectional-override characters refused, so what is shown is what was stored. One schema for every such
 * field; `min: 0` for an optional note.
 */
export const multiLineText = (max: number, options: { min?: number; minMessage?: string; typeError?: string } = {}) => {
  const min = options.min ?? 1;
  const base = (options.typeError ? z.string({ error: options.typeError }) : z.string()).trim();
  return (min > 0 ? base.min(min, options.minMessage ?? 'Required') : base)
    .max(max, `At most ${max} characters`)
    .refine((v) => !UNSAFE_MULTILINE_CHARS.test(v), UNSAFE_TEXT_MESSAGE);
};
