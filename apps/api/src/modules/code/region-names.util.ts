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

type Renderable = { template?: unknown; params?: unknown; text?: CodeReason['text'] };
type Rendered<T> = Omit<T, 'text'> & { text: CodeReason['text'] };

/**
 * The item with its text rendered (region names in words) from its template and params; without a template this
 * engine knows, its stored words. A text that was left out of the stored form takes its place after `params`, so
 * the answer reads as it did when texts were stored.
 */
function rerender<T extends Renderable>(item: T): Rendered<T> {
  if (typeof item.template !== 'string' || !item.params) return item as Rendered<T>;
  let text: CodeReason['text'];
  try {
    text = renderTemplate(item.template as TemplateId, item.params as TemplateParams, withNames);
  } catch {
    return item as Rendered<T>; // an unknown template from an older engine keeps its stored wording
  }
  if ('text' in item) return { ...item, text };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    out[key] = value;
    if (key === 'params') out.text = text;
  }
  return out as Rendered<T>;
}

/** The engine only knows region codes; at display time every text names the region in words. */
export function withRegionNames<R extends Renderable, S extends Renderable = CodeStep>(code: {
  reasons: readonly R[];
  steps?: readonly S[];
}): { reasons: (Rendered<R> & CodeReason)[]; steps: (Rendered<S> & CodeStep)[] } {
  return {
    reasons: code.reasons.map(rerender) as (Rendered<R> & CodeReason)[],
    steps: (code.steps ?? []).map(rerender) as (Rendered<S> & CodeStep)[],
  };
}
