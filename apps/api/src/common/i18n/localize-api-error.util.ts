import type { ApiError, FieldError, Locale } from '@healthcode/contracts';
import { z } from 'zod';

import { translateMessage } from './translate-message.util';

type Issue = z.core.$ZodIssue;

const zodEnglish = z.locales.en().localeError;
const zodChinese = z.locales.zhCN().localeError;
const text = (result: ReturnType<typeof zodEnglish>): string | undefined =>
  typeof result === 'string' ? result : result?.message;

/** One field error in Chinese: zod's own wording through zod's locale, the contracts' through the catalogue. */
function localizeFieldError(error: FieldError, issue: Issue | undefined): FieldError {
  const raw = issue as (Issue & { input?: unknown }) | undefined;
  const isZodDefault =
    raw !== undefined && raw.code !== 'unrecognized_keys' && text(zodEnglish(raw as never)) === error.message;
  const message = isZodDefault
    ? (text(zodChinese(raw as never)) ?? error.message)
    : translateMessage(error.message, 'zh-CN');
  return { ...error, message };
}

/**
 * The error body in the caller's language. English is how the server writes it, so only Chinese is produced
 * here; the code, status and field paths never change (clients branch on those, never on the words).
 */
export function localizeApiError(body: ApiError, locale: Locale, issues: readonly Issue[] = []): ApiError {
  if (locale === 'en') return body;
  const errors = body.errors?.map((e, i) => localizeFieldError(e, issues[i]));
  const first = body.errors?.[0];
  // A validation message is the first field error with its path in front ("phone: Required").
  const message =
    first && errors && body.message === `${first.path ? `${first.path}: ` : ''}${first.message}`
      ? `${first.path ? `${first.path}: ` : ''}${errors[0].message}`
      : translateMessage(body.message, locale);
  return { ...body, message, ...(errors ? { errors } : {}) };
}
