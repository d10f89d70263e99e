import type { Locale } from '@healthcode/contracts';

import { SERVER_MESSAGES_ZH } from './server-messages-zh.constant';

interface CompiledMessage {
  pattern: RegExp;
  zh: string;
}

/** An English template ("You have no appeal #{}") as a whole-string pattern capturing each `{}`. */
export function templatePattern(template: string): RegExp {
  const parts = template.split('{}').map((p) => p.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'));
  return new RegExp(`^${parts.join('([\\s\\S]*?)')}$`);
}

let compiled: CompiledMessage[] | null = null;

function catalogue(): CompiledMessage[] {
  // Most fixed text first: "Appeal #{}: its decision still awaits approval" before "Appeal #{}: {}".
  compiled ??= Object.entries(SERVER_MESSAGES_ZH)
    .sort(([a], [b]) => b.replace(/\{\}/g, '').length - a.replace(/\{\}/g, '').length)
    .map(([en, zh]) => ({ pattern: templatePattern(en), zh }));
  return compiled;
}

/**
 * A message the server wrote in English, in the caller's language. The parts filled in at run time (numbers,
 * roles, nested messages) are carried over, themselves translated when they are catalogue messages too. A
 * message the catalogue does not know stays English rather than being guessed.
 */
export function translateMessage(message: string, locale: Locale): string {
  if (locale === 'en' || !message) return message;
  for (const entry of catalogue()) {
    const match = entry.pattern.exec(message);
    if (!match) continue;
    return entry.zh.replace(/\{(\d+)\}/g, (_, i: string) => {
      const part = match[Number(i) + 1] ?? '';
      return part === message ? part : translateMessage(part, locale);
    });
  }
  return message;
}
