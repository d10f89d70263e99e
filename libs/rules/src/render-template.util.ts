import type { Color } from './color.constant';
import type { CaseStatus, RiskLevel, SymptomCode, TransportMode } from './facts.types';
import {
  CASE_STATUS_LABELS,
  COLOR_LABELS,
  PARAM_LABELS,
  RISK_LEVEL_LABELS,
  SYMPTOM_LABELS,
  TRANSPORT_MODE_LABELS,
} from './labels.constant';
import type { Locale, LocalizedText, TemplateParamValue, TemplateParams, TemplateRef } from './result.types';
import { TEMPLATES, type TemplateId } from './templates.constant';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export interface RenderOptions {
  /** Lets a client show region names; the engine itself only knows codes. */
  readonly regionName?: (code: string, locale: Locale) => string | undefined;
}

type Segment = string | { readonly name: string; readonly format: string | undefined };

const PLACEHOLDER = /\{([A-Za-z]+)(?::([a-z]+))?\}/g;
const compiled = new Map<string, readonly Segment[]>();

function compile(source: string): readonly Segment[] {
  let segments = compiled.get(source);
  if (segments) return segments;
  const parts: Segment[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(source.slice(last, match.index));
    parts.push({ name: match[1], format: match[2] });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  segments = parts;
  compiled.set(source, segments);
  return segments;
}

const NONE: LocalizedText = { 'zh-CN': '—', en: '—' };
const NOW: LocalizedText = { 'zh-CN': '今', en: 'now' };
const YES: LocalizedText = { 'zh-CN': '是', en: 'yes' };
const NO: LocalizedText = { 'zh-CN': '否', en: 'no' };

function joinList(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(locale === 'en' ? ', ' : '、');
  return `${head}${locale === 'en' ? ' or ' : '或'}${items[items.length - 1]}`;
}

function label(table: Readonly<Record<string, LocalizedText>>, value: string, locale: Locale): string {
  return table[value]?.[locale] ?? value;
}

function labelled(table: Readonly<Record<string, LocalizedText>>, value: TemplateParamValue, locale: Locale): string {
  if (Array.isArray(value))
    return joinList(
      value.map((item: string) => label(table, item, locale)),
      locale,
    );
  return label(table, String(value), locale);
}

function plain(value: TemplateParamValue, locale: Locale): string {
  if (value === null) return NONE[locale];
  if (typeof value === 'boolean') return (value ? YES : NO)[locale];
  if (Array.isArray(value)) return value.join(locale === 'en' ? ', ' : '、');
  return String(value);
}

function format(
  value: TemplateParamValue,
  formatter: string | undefined,
  locale: Locale,
  options: RenderOptions,
): string {
  switch (formatter) {
    case 'color':
      return labelled(COLOR_LABELS as Record<Color, LocalizedText>, value, locale);
    case 'level':
      return labelled(RISK_LEVEL_LABELS as Record<RiskLevel, LocalizedText>, value, locale);
    case 'symptom':
      return labelled(SYMPTOM_LABELS as Record<SymptomCode, LocalizedText>, value, locale);
    case 'status':
      return labelled(CASE_STATUS_LABELS as Record<CaseStatus, LocalizedText>, value, locale);
    case 'mode':
      return labelled(TRANSPORT_MODE_LABELS as Record<TransportMode, LocalizedText>, value, locale);
    case 'param':
      return labelled(PARAM_LABELS, value, locale);
    case 'date':
      return value === null ? NOW[locale] : String(value);
    case 'region':
      return (typeof value === 'string' && options.regionName?.(value, locale)) || plain(value, locale);
    default:
      return plain(value, locale);
  }
}

/** Renders a template in one locale. Unknown placeholders stay visible as `{name}`. */
export function renderTemplateIn(
  locale: Locale,
  template: TemplateId,
  params: TemplateParams,
  options: RenderOptions = {},
): string {
  let text = '';
  for (const segment of compile(TEMPLATES[template][locale])) {
    if (typeof segment === 'string') text += segment;
    else if (segment.name in params) text += format(params[segment.name], segment.format, locale, options);
    else text += `{${segment.name}}`;
  }
  return text;
}

export function renderTemplate(
  template: TemplateId,
  params: TemplateParams,
  options: RenderOptions = {},
): LocalizedText {
  return {
    'zh-CN': renderTemplateIn('zh-CN', template, params, options),
    en: renderTemplateIn('en', template, params, options),
  };
}

/** Joins texts produced by several templates (each a sentence without its full stop), locale by locale. */
export function joinTexts(texts: readonly LocalizedText[]): LocalizedText {
  return {
    'zh-CN': texts.map((text) => text['zh-CN']).join('；'),
    en: texts.map((text) => text.en).join('. '),
  };
}

/** Renders several template references and joins them (`joinTexts`): how `greenWhen` is made from its parts. */
export function renderJoined(parts: readonly TemplateRef[], options: RenderOptions = {}): LocalizedText {
  return joinTexts(parts.map((part) => renderTemplate(part.template, part.params, options)));
}
