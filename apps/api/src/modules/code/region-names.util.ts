import type { CodeReason, CodeStep } from '@healthcode/contracts';
import { englishRegionPath, getAncestors, getRegion } from '@healthcode/regions';
import { renderTemplate, type TemplateId, type TemplateParams } from '@healthcode/rules';

/**
 * "湖北省武汉市江汉区 (420103)": the full official name, so a resident recognises the place at once; in English
 * "Jianghan District, Wuhan City, Hubei Province (420103)" (pinyin names from @healthcode/regions).
 */
export function regionLabel(code: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string | undefined {
  const region = getRegion(code);
  if (!region) return undefined;
  if (locale === 'en') return `${englishRegionPath(code)} (${code})`;
  return `${[...getAncestors(code), region].map((r) => r.name).join('')} (${code})`;
}

const withNames = { regionName: (code: string, locale: 'zh-CN' | 'en') => regionLabel(code, locale) };

function rerender<T extends { template?: string; params?: unknown; text: CodeReason['text'] }>(item: T): T {
  if (!item.template || !item.params) return item;
  try {
    return { ...item, text: renderTemplate(item.template as TemplateId, item.params as TemplateParams, withNames) };
  } catch {
    return item; // an unknown template from an older engine keeps its stored wording
  }
}

/** The engine only knows region codes; at display time every text names the region in words. */
export function withRegionNames<R extends { reasons: CodeReason[]; steps?: CodeStep[] }>(code: R): R {
  return {
    ...code,
    reasons: code.reasons.map(rerender),
    ...(code.steps
      ? { steps: code.steps.map((s) => rerender(s as CodeStep & { template?: string; params?: unknown })) }
      : {}),
  };
}
