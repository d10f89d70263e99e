import { COLORS, FACT_SOURCES, SYMPTOMS } from '@healthcode/contracts';

import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

// Contract enums grow over time: every value needs words in both languages.
describe.each([
  ['en', en],
  ['zh-CN', zhCN],
] as const)('%s labels for contract values', (_locale, messages) => {
  it.each(SYMPTOMS)('symptom %s', (symptom) => expect(messages.symptom[symptom]).toBeTruthy());
  it.each(FACT_SOURCES)('fact source %s', (source) => expect(messages.source[source]).toBeTruthy());
  it.each(COLORS)('colour %s', (color) => {
    expect(messages.color[color]).toBeTruthy();
    expect(messages.color[`${color}Short`]).toBeTruthy();
  });
});
