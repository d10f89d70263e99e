import type { LocalizedText } from '@healthcode/contracts';

/** One correction an import made to a fact of this resident (from `authority_fact_changes`). */
export interface FactChangeNote {
  factKind: string;
  fields: Record<string, string | null>;
}

const RECORD: Record<string, LocalizedText> = {
  case: { 'zh-CN': '病例记录', en: 'case record' },
  contact: { 'zh-CN': '密接记录', en: 'close-contact record' },
  booking: { 'zh-CN': '行程记录', en: 'travel record' },
};

const STATUS: Record<string, LocalizedText> = {
  confirmed: { 'zh-CN': '确诊', en: 'confirmed' },
  suspected: { 'zh-CN': '疑似', en: 'suspected' },
};

function describeFields(fields: Record<string, string | null>): LocalizedText {
  const zh: string[] = [];
  const en: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'clearedDate') {
      zh.push(value ? `${value} 解除` : '撤销解除日期');
      en.push(value ? `cleared ${value}` : 'cleared date removed');
    } else if (field === 'status' && value) {
      zh.push(`状态改为${STATUS[value]?.['zh-CN'] ?? value}`);
      en.push(`status ${STATUS[value]?.en ?? value}`);
    } else if (field === 'date' || field === 'contactDate') {
      zh.push(`日期更正为 ${value ?? '—'}`);
      en.push(`date corrected to ${value ?? '—'}`);
    } else if (field === 'region' || field === 'fromRegion' || field === 'toRegion') {
      zh.push(`地区更正为 ${value ?? '—'}`);
      en.push(`region corrected to ${value ?? '—'}`);
    } else if (field === 'mode') {
      zh.push('交通方式已更正');
      en.push('mode corrected');
    }
  }
  return { 'zh-CN': zh.join('，'), en: en.join(', ') };
}

/** "case record updated by import #12: cleared 2026-12-01" for every fact the import corrected. */
export function factChangesText(seq: string, changes: readonly FactChangeNote[]): LocalizedText {
  const parts = changes.map((c) => {
    const record = RECORD[c.factKind] ?? { 'zh-CN': '记录', en: 'record' };
    const what = describeFields(c.fields);
    return {
      zh: `${record['zh-CN']}已由卫健部门数据导入 #${seq} 更新${what['zh-CN'] ? `：${what['zh-CN']}` : ''}`,
      en: `${record.en} updated by import #${seq}${what.en ? `: ${what.en}` : ''}`,
    };
  });
  return { 'zh-CN': parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}
