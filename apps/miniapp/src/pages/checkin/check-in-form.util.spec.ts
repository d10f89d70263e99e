import { checkInReminder, EMPTY_CHECK_IN, validateCheckIn } from './check-in-form.util';

describe('validateCheckIn', () => {
  it('asks whether the resident feels well', () => {
    expect(validateCheckIn(EMPTY_CHECK_IN)).toEqual({ ok: false, errors: { healthy: 'choose-wellness' } });
  });

  it('sends a healthy check-in without symptoms, with an optional temperature', () => {
    expect(validateCheckIn({ healthy: true, temperature: '', symptoms: ['cough'] })).toEqual({
      ok: true,
      value: { healthy: true },
    });
    expect(validateCheckIn({ healthy: true, temperature: '36,6', symptoms: [] })).toEqual({
      ok: true,
      value: { healthy: true, temperature: 36.6 },
    });
  });

  it('sends symptoms when unwell', () => {
    expect(validateCheckIn({ healthy: false, temperature: '38.2', symptoms: ['fever', 'cough'] })).toEqual({
      ok: true,
      value: { healthy: false, temperature: 38.2, symptoms: ['fever', 'cough'] },
    });
  });

  it('rejects impossible temperatures with the shared range', () => {
    expect(validateCheckIn({ healthy: true, temperature: '45', symptoms: [] })).toEqual({
      ok: false,
      errors: { temperature: 'temperature' },
    });
    expect(validateCheckIn({ healthy: true, temperature: 'hot', symptoms: [] })).toEqual({
      ok: false,
      errors: { temperature: 'temperature' },
    });
  });
});

describe('checkInReminder', () => {
  const text = { 'zh-CN': '', en: '' };

  it('counts the remaining check-ins of the check-in step', () => {
    expect(
      checkInReminder([
        { id: 'negative-test', text, progress: { done: 0, total: 1 } },
        { id: 'check-ins', text, progress: { done: 4, total: 7 } },
      ]),
    ).toEqual({ done: 4, total: 7, remaining: 3 });
  });

  it('uses the only counted step when none is named after check-ins', () => {
    expect(
      checkInReminder([
        { id: 'wait', text },
        { id: 'days', text, progress: { done: 2, total: 3 } },
      ]),
    ).toEqual({ done: 2, total: 3, remaining: 1 });
  });

  it('is null when nothing is counted', () => {
    expect(checkInReminder([])).toBeNull();
    expect(checkInReminder([{ id: 'x', text }])).toBeNull();
  });
});
