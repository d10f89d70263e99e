import { z } from 'zod';

import { systemNow } from './clock';
import { cstDate, isIsoDate } from './date.util';

/** Field builders shared by every request schema, so each message reads the same everywhere. */
export const isoDate = () =>
  z.string().max(10, 'Use a date like 2020-02-10').refine(isIsoDate, 'Use a real date like 2020-02-10');

/** A date that is today or earlier (CST). `now` is read when the request is validated. */
export const pastOrTodayDate = () => isoDate().refine((d) => d <= cstDate(systemNow()), 'This date is in the future');

export const boundedText = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
