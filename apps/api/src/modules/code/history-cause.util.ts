import type { HistoryCause, LocalizedText } from '@healthcode/contracts';

import { type FactChangeNote, factChangesText } from './fact-change-text.util';

/**
 * The words a resident reads for why their code changed: "rules v3 published", "import #12", "appeal #4 decided",
 * or, when the import corrected one of their records, "case record updated by import #12: cleared 2026-12-01".
 */
export function historyCauseText(
  cause: HistoryCause,
  causeRef: string,
  factChanges: readonly FactChangeNote[] = [],
  withdrawalReason?: string,
): LocalizedText {
  const n = causeRef.split(':')[1] ?? '';
  switch (cause) {
    case 'declaration':
      return { 'zh-CN': '你提交了新的申报', en: 'You submitted a declaration' };
    case 'check-in':
      return { 'zh-CN': `每日健康打卡（${n}）`, en: `Daily health check-in (${n})` };
    case 'rules-published':
      return { 'zh-CN': `规则 v${n} 发布`, en: `rules v${n} published` };
    case 'authority-import':
      if (factChanges.length > 0) return factChangesText(n, factChanges);
      return { 'zh-CN': `卫健部门数据导入 #${n}`, en: `import #${n}` };
    case 'authority-withdrawal':
      // The reason is the authority's own words, shown as written in both languages.
      return withdrawalReason === undefined
        ? { 'zh-CN': '卫健部门已撤回一条记录', en: 'record withdrawn by the authority' }
        : {
            'zh-CN': `卫健部门已撤回记录：${withdrawalReason}`,
            en: `record withdrawn by the authority: ${withdrawalReason}`,
          };
    case 'appeal-decided':
      return { 'zh-CN': `申诉 #${n} 已裁决`, en: `appeal #${n} decided` };
    case 'expiry':
      return { 'zh-CN': '到期自动更新', en: 'expired' };
    case 'risk-changed':
      return { 'zh-CN': '地区风险等级调整', en: 'region risk levels changed' };
    case 'verified':
      return { 'zh-CN': '证件号码已核验', en: 'ID number verified' };
    case 'sign-up':
      return { 'zh-CN': '注册', en: 'Signed up' };
  }
}
