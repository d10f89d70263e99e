import { addDays, cstDate } from '@healthcode/contracts';

import {
  EMPTY_DECLARATION,
  formErrorPaths,
  toDeclarationInput,
  validateDeclaration,
  type DeclarationForm,
} from './declaration-form.util';

const today = cstDate(new Date());
const daysAgo = (n: number) => addDays(today, -n);

const valid: DeclarationForm = {
  currentRegion: '330106',
  stays: [
    { key: 1, region: '420106', from: daysAgo(10), to: daysAgo(6) },
    { key: 2, region: '330106', from: daysAgo(6), to: today },
  ],
  symptoms: { cough: daysAgo(2), fever: daysAgo(1) },
  contact: { had: false, date: null },
};

describe('declaration form', () => {
  it('builds the API body with symptoms in canonical order and no contact', () => {
    expect(toDeclarationInput(valid)).toEqual({
      currentRegion: '330106',
      stays: [
        { region: '420106', from: daysAgo(10), to: daysAgo(6) },
        { region: '330106', from: daysAgo(6), to: today },
      ],
      symptoms: [
        { symptom: 'fever', onset: daysAgo(1) },
        { symptom: 'cough', onset: daysAgo(2) },
      ],
      contact: null,
    });
    expect(validateDeclaration(valid).ok).toBe(true);
  });

  it('puts errors beside the stay that has them', () => {
    const result = validateDeclaration({
      ...valid,
      stays: [{ key: 1, region: '420106', from: daysAgo(2), to: daysAgo(5) }],
    });
    expect(!result.ok && result.errors['stays.0.to']).toBe('A stay must end on or after the day it starts');
  });

  it('flags overlapping stays', () => {
    const result = validateDeclaration({
      ...valid,
      stays: [
        { key: 1, region: '420106', from: daysAgo(10), to: daysAgo(4) },
        { key: 2, region: '330106', from: daysAgo(6), to: today },
      ],
    });
    expect(!result.ok && result.errors['stays.1.from']).toMatch(/overlaps stay 1/);
  });

  it('requires every picker that is shown', () => {
    const result = validateDeclaration({
      ...EMPTY_DECLARATION,
      stays: [{ key: 1, region: null, from: null, to: null }],
      symptoms: { fever: null },
      contact: { had: true, date: null },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toMatchObject({
        currentRegion: 'Required',
        'stays.0.region': 'Required',
        'stays.0.from': 'Required',
        'stays.0.to': 'Required',
        'symptoms.fever.onset': 'Required',
        'contact.date': 'Required',
      });
    }
  });

  it('rejects future dates', () => {
    const result = validateDeclaration({ ...valid, contact: { had: true, date: addDays(today, 1) } });
    expect(!result.ok && result.errors['contact.date']).toBe('This date is in the future');
  });

  it('maps server paths of symptoms back to the symptom', () => {
    expect(formErrorPaths({ 'symptoms.1.onset': 'bad', 'stays.0.to': 'late' }, valid)).toEqual({
      'symptoms.cough.onset': 'bad',
      'stays.0.to': 'late',
    });
  });
});
