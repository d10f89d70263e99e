import {
  APPEAL_CATEGORIES,
  APPEAL_CATEGORY_LABELS,
  APPEAL_OUTCOMES,
  APPEAL_STATUSES,
  COLORS,
  FACT_SOURCES,
  SCAN_OUTCOMES,
  SCAN_REJECTIONS,
  SYMPTOMS,
} from '@healthcode/contracts';

import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

// Contract enums grow over time: every value needs words in both languages.
describe.each([
  ['en', en],
  ['zh-CN', zhCN],
] as const)('%s labels for contract values', (_locale, messages) => {
  it.each(SYMPTOMS)('symptom %s', (symptom) => expect(messages.symptom[symptom]).toMatch(/\S/));
  it.each(FACT_SOURCES)('fact source %s', (source) => expect(messages.source[source]).toMatch(/\S/));
  it.each(COLORS)('colour %s', (color) => {
    expect(messages.color[color]).toMatch(/\S/);
    expect(messages.color[`${color}Short`]).toMatch(/\S/);
  });
  // Appeal categories carry their own labels (APPEAL_CATEGORY_LABELS, or a region's own), from the API.
  it.each(APPEAL_CATEGORIES)('appeal category %s', (c) => expect(APPEAL_CATEGORY_LABELS[c][_locale]).toMatch(/\S/));
  it.each(APPEAL_STATUSES)('appeal status %s', (s) => expect(messages.appealStatus[s]).toMatch(/\S/));
  it.each(APPEAL_OUTCOMES)('appeal outcome %s', (o) => expect(messages.appealOutcome[o]).toMatch(/\S/));
  it.each([...SCAN_OUTCOMES, ...SCAN_REJECTIONS])('scan result %s (privacy page)', (r) =>
    expect(messages.scanReason[r]).toMatch(/\S/),
  );
  it.each([...SCAN_REJECTIONS, 'no-keys' as const])('invalid-token reason %s (checkpoint screen)', (r) =>
    expect(messages.invalidReason[r]).toMatch(/\S/),
  );
  it.each(['declarations', 'check-ins', 'checkpoint-scans', 'appeals'] as const)(
    'record kind %s (the API registers these purgers)',
    (k) => expect(messages.recordKind[k]).toMatch(/\S/),
  );
});
