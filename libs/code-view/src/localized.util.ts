import type { Locale, LocalizedText } from '@healthcode/contracts';

/** The server's bilingual text in the reader's language, falling back to the other one. */
export function localized(text: Partial<LocalizedText> | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.en || text['zh-CN'] || '';
}
