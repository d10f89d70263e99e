import type { AppealView, StaffAppealListResponse, StaffAppealView } from '@healthcode/contracts';

/** An appeal as the API returns it, due in three days from the test's "now". */
export function appealView(overrides: Partial<AppealView> = {}): AppealView {
  return {
    number: 7,
    status: 'in-review',
    category: 'wrong-case-match',
    categoryLabel: { 'zh-CN': '病例登记匹配错了人', en: 'The case registry matched the wrong person' },
    ruleId: 'case-status',
    reasonKey: 'case-status|case|f1|2026-11-17',
    reason: {
      ruleId: 'case-status',
      ruleVersion: 1,
      color: 'red',
      text: { 'zh-CN': '您被登记为确诊病例', en: 'You are registered as a confirmed case' },
      fact: { source: 'case-registry', kind: 'case', ref: 'f1', date: '2026-11-17' },
      since: '2026-11-17',
      until: null,
    },
    statement: 'I have never been ill.',
    region: '330106',
    submittedAt: '2026-11-20T02:00:00Z',
    firstResponseDueAt: '2026-11-21T02:00:00Z',
    decisionDueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    decision: null,
    timeline: [
      {
        at: '2026-11-20T02:00:00Z',
        type: 'submitted',
        actor: 'resident',
        status: 'submitted',
        message: 'I have never been ill.',
        evidence: [],
      },
    ],
    ...overrides,
  };
}

export function staffAppealView(overrides: Partial<StaffAppealView> = {}): StaffAppealView {
  return {
    ...appealView(),
    reference: '0190b3c4-0000-7000-8000-000000000001',
    assignedTo: 'staff-1',
    escalatedTo: null,
    resident: { nameMasked: '张*', idMasked: '3301**********1234', currentColor: 'red' },
    code: {
      color: 'red',
      reasons: [appealView().reason],
      greenAt: '2026-12-01',
      greenWhen: { 'zh-CN': '隔离期满后转绿', en: 'Green when the isolation ends' },
      steps: [{ id: 'isolate', text: { 'zh-CN': '居家隔离', en: 'Stay at home' } }],
      ruleSetVersion: 1,
      evaluatedAt: '2026-11-20T02:00:00Z',
    },
    history: [
      {
        id: 'h1',
        at: '2026-11-17T02:00:00Z',
        cause: 'authority-import',
        causeText: { 'zh-CN': '权威数据导入', en: 'authority import' },
        colorBefore: 'green',
        colorAfter: 'red',
        reasonsBefore: [],
        reasonsAfter: [],
        greenAtAfter: '2026-12-01',
      },
    ],
    declarations: [
      {
        id: 'd1',
        declaredAt: '2026-11-16T02:00:00Z',
        currentRegion: '330106',
        stays: [],
        symptoms: [{ symptom: 'fever', onset: '2026-11-16' }],
        contactDate: null,
      },
    ],
    ...overrides,
  };
}

/** A page of the staff queue as the API returns it. */
export function appealPage(items: AppealView[], page = 1, total = items.length): StaffAppealListResponse {
  return {
    items: items.map((a) => ({
      reference: `0190b3c4-0000-7000-8000-${String(a.number).padStart(12, '0')}`,
      assignedTo: null,
      escalatedTo: null,
      ...a,
    })),
    total,
    page,
    pageSize: 20,
  };
}
