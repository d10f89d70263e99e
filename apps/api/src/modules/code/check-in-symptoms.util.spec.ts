import { checkInSymptoms } from './check-in-symptoms.util';

describe('checkInSymptoms', () => {
  it('reports fever from the temperature and every listed symptom, dated the check-in day', () => {
    expect(checkInSymptoms({ day: '2026-12-06', temperature: '38.2', symptoms: ['cough'] })).toEqual([
      { symptom: 'cough', onset: '2026-12-06' },
      { symptom: 'fever', onset: '2026-12-06' },
    ]);
    expect(checkInSymptoms({ day: '2026-12-06', temperature: 37.3, symptoms: [] })).toEqual([
      { symptom: 'fever', onset: '2026-12-06' },
    ]);
  });

  it('reports nothing for a healthy check-in', () => {
    expect(checkInSymptoms({ day: '2026-12-06', temperature: '36.6', symptoms: [] })).toEqual([]);
    expect(checkInSymptoms({ day: '2026-12-06', temperature: null, symptoms: null })).toEqual([]);
  });
});
