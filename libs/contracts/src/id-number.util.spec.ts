import {
  explainResidentIdError,
  isValidPassportNumber,
  isValidResidentId,
  residentIdCheckDigit,
} from './id-number.util';

const NOW = new Date('2024-05-01T08:00:00Z');
const withCheckDigit = (first17: string) => first17 + residentIdCheckDigit(first17);

describe('residentIdCheckDigit', () => {
  it('matches the published examples', () => {
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052418800101001')).toBe('4');
  });

  it('produces every check character', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(residentIdCheckDigit(`3301061990010${String(seq).padStart(4, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('refuses anything but 17 digits, without echoing it', () => {
    expect(() => residentIdCheckDigit('1101051949123100')).toThrow(TypeError);
    expect(() => residentIdCheckDigit('1101051949123100A')).toThrow(TypeError);
    expect(() => residentIdCheckDigit('1101051949123100A')).not.toThrow(/1101/);
  });
});

describe('isValidResidentId / explainResidentIdError', () => {
  const valid = [
    '11010519491231002X',
    '440524188001010014',
    withCheckDigit('33010619900101123'),
    withCheckDigit('42010620000229456'),
    withCheckDigit('65010120240501001'),
  ];

  it.each(valid)('accepts %s', (id) => {
    expect(explainResidentIdError(id, NOW)).toBeNull();
    expect(isValidResidentId(id, NOW)).toBe(true);
  });

  it.each<[string, string]>([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002X0', 'length'],
    ['110105194912310', 'length'],
    ['11010519491231002x', 'format'],
    ['1101051949123100XX', 'format'],
    ['A1010519491231002X', 'format'],
    ['11010519491231002Y', 'format'],
    [' 1010519491231002X', 'format'],
    [withCheckDigit('33010619900230123'), 'birth-date'],
    [withCheckDigit('33010619901301123'), 'birth-date'],
    [withCheckDigit('33010619900100123'), 'birth-date'],
    [withCheckDigit('33010620230229123'), 'birth-date'],
    [withCheckDigit('33010618791231123'), 'birth-date'],
    [withCheckDigit('33010620240502123'), 'birth-date'],
    [withCheckDigit('10010619900101123'), 'region'],
    [withCheckDigit('99010619900101123'), 'region'],
    [withCheckDigit('00010619900101123'), 'region'],
    ['110105194912310021', 'check-digit'],
    ['330106199001011234', 'check-digit'],
  ])('rejects %s as %s', (id, expected) => {
    expect(explainResidentIdError(id, NOW)).toBe(expected);
    expect(isValidResidentId(id, NOW)).toBe(false);
  });

  it('judges "today" in China time', () => {
    const bornToday = withCheckDigit('33010620240502123');
    // 2024-05-01T16:30Z is already 2024-05-02 in Beijing.
    expect(explainResidentIdError(bornToday, new Date('2024-05-01T16:30:00Z'))).toBeNull();
    expect(explainResidentIdError(bornToday, new Date('2024-05-01T15:30:00Z'))).toBe('birth-date');
  });

  it('catches a single mistyped digit or swapped neighbours', () => {
    const id = withCheckDigit('33010619900101123');
    expect(explainResidentIdError(`${id.slice(0, 16)}${id[16] === '9' ? '8' : '9'}${id[17]}`, NOW)).toBe('check-digit');
    expect(explainResidentIdError(`${id.slice(0, 14)}${id[15]}${id[14]}${id.slice(16)}`, NOW)).toBe('check-digit');
  });

  it('treats non-strings as a length problem', () => {
    expect(explainResidentIdError(undefined as never, NOW)).toBe('length');
  });
});

describe('isValidPassportNumber', () => {
  it.each(['E12345678', 'G1234567', 'K12345', 'AB1234567890CDEFG', '12345'])('accepts %s', (value) =>
    expect(isValidPassportNumber(value)).toBe(true),
  );

  it.each(['E123', 'AB1234567890CDEFGH', 'e12345678', 'E 12345678', 'E-1234567', '', 'Ｅ12345678'])(
    'rejects %p',
    (value) => expect(isValidPassportNumber(value)).toBe(false),
  );
});
