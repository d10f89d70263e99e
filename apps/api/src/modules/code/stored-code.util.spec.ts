import type { CodeReason } from '@healthcode/contracts';
import { evaluate, DEFAULT_RULE_SET, type EvaluationFacts } from '@healthcode/rules';

import type { ScoredEvaluation } from './code-diff.util';
import { withRegionNames } from './region-names.util';
import {
  parseStoredReasons,
  reasonsBeforeJson,
  renderStoredCode,
  renderStoredHistory,
  storedCodeJson,
} from './stored-code.util';

const TODAY = '2020-02-20';
const facts: EvaluationFacts = {
  riskLevels: [{ region: '42', level: 'high', from: '2020-01-23', to: null }],
  currentRegion: '420106',
  symptoms: [{ symptom: 'fever', onset: '2020-02-19' }],
};
const scored = (f: EvaluationFacts) => evaluate(DEFAULT_RULE_SET, f, TODAY) as unknown as ScoredEvaluation;

/** What the API answered when rendered texts were stored: the engine's objects, texts re-rendered with names. */
function shownBefore(e: ScoredEvaluation) {
  const named = withRegionNames({ reasons: e.reasons, steps: e.steps });
  return { reasons: named.reasons, steps: named.steps, greenWhen: e.greenWhen };
}

describe('stored code (compact reasons)', () => {
  const e = scored(facts);

  it('stores no rendered text, and renders on read exactly what was shown when texts were stored', () => {
    expect(e.reasons.length).toBeGreaterThan(1);
    const stored = storedCodeJson(e);
    expect(stored.reasonsJson).not.toContain('"text"');
    expect(stored.stepsJson).not.toContain('"text"');
    expect(JSON.parse(stored.greenWhenJson!)).toEqual(e.greenWhenParts);
    const read = renderStoredCode({
      reasons: stored.reasonsJson,
      steps: stored.stepsJson,
      greenWhen: stored.greenWhenJson,
    });
    // Same keys in the same order (the answer's bytes), region names in words, greenWhen as the engine words it.
    expect(JSON.stringify(read)).toBe(JSON.stringify(shownBefore(e)));
    expect(read.reasons[0].text.en).toContain('Wuhan');
  });

  it('reads rows stored with texts (before the migration) the same way', () => {
    const legacy = {
      reasons: JSON.stringify(e.reasons),
      steps: JSON.stringify(e.steps),
      greenWhen: JSON.stringify(e.greenWhen),
    };
    expect(JSON.stringify(renderStoredCode(legacy))).toBe(JSON.stringify(shownBefore(e)));
    expect(parseStoredReasons(legacy.reasons)).toEqual(JSON.parse(storedCodeJson(e).reasonsJson));
  });

  it('keeps the words of a reason whose template this engine does not know', () => {
    const old = { ...e.reasons[0], template: 'reason.retired', text: { 'zh-CN': '旧', en: 'old' } } as CodeReason;
    const stored = storedCodeJson({ ...e, reasons: [old] });
    expect(JSON.parse(stored.reasonsJson)[0].text).toEqual({ 'zh-CN': '旧', en: 'old' });
    expect(renderStoredCode({ reasons: stored.reasonsJson, steps: '[]', greenWhen: null }).reasons[0].text.en).toBe(
      'old',
    );
  });

  it('stores a green code as empty lists and no greenWhen', () => {
    const green = scored({});
    expect(storedCodeJson(green)).toMatchObject({ reasonsJson: '[]', stepsJson: '[]', greenWhenJson: null });
  });

  it('stores a history row as what changed: unchanged reasons by index, removed or changed ones whole', () => {
    const before = scored(facts);
    const after = scored({ ...facts, symptoms: [] });
    const afterStored = storedCodeJson(after);
    const beforeReasons = parseStoredReasons(storedCodeJson(before).reasonsJson);
    const delta = JSON.parse(reasonsBeforeJson(beforeReasons, afterStored.reasons)) as unknown[];
    expect(delta).toHaveLength(before.reasons.length);
    expect(delta.filter((r) => typeof r === 'number')).toEqual([0]);
    expect(JSON.stringify(delta.find((r) => typeof r === 'object'))).not.toContain('"text"');
    const read = renderStoredHistory({ reasonsBefore: JSON.stringify(delta), reasonsAfter: afterStored.reasonsJson });
    expect(JSON.stringify(read.reasonsBefore)).toBe(JSON.stringify(shownBefore(before).reasons));
    expect(JSON.stringify(read.reasonsAfter)).toBe(JSON.stringify(shownBefore(after).reasons));
    expect(reasonsBeforeJson([], afterStored.reasons)).toBe('[]');
  });

  it('stores a reason about the same fact with other values (a new rule version) as those fields only', () => {
    const before = scored(facts);
    const after = evaluate({ ...DEFAULT_RULE_SET, version: 2 }, facts, TODAY) as unknown as ScoredEvaluation;
    const afterStored = storedCodeJson(after);
    const json = reasonsBeforeJson(parseStoredReasons(storedCodeJson(before).reasonsJson), afterStored.reasons);
    expect(JSON.parse(json)).toEqual(before.reasons.map((_, i) => [i, { ruleVersion: 1 }]));
    const read = renderStoredHistory({ reasonsBefore: json, reasonsAfter: afterStored.reasonsJson });
    expect(JSON.stringify(read.reasonsBefore)).toBe(JSON.stringify(shownBefore(before).reasons));
    expect(JSON.stringify(read.reasonsAfter)).toBe(JSON.stringify(shownBefore(after).reasons));
  });

  it('reads history rows stored as two full copies (before the migration)', () => {
    const before = scored(facts);
    const after = scored({ ...facts, symptoms: [] });
    const read = renderStoredHistory({ reasonsBefore: before.reasons, reasonsAfter: after.reasons });
    expect(JSON.stringify(read.reasonsBefore)).toBe(JSON.stringify(shownBefore(before).reasons));
    expect(JSON.stringify(read.reasonsAfter)).toBe(JSON.stringify(shownBefore(after).reasons));
  });
});
