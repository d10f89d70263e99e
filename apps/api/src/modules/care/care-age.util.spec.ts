import { birthDateOf, isMinorOn } from './care-age.util';

describe('care age', () => {
  it('reads the birth date from a resident ID number, or takes the stated one for a passport', () => {
    expect(birthDateOf('resident-id', '11010520150301002X')).toBe('2015-03-01');
    expect(birthDateOf('passport', 'E12345678', '2012-01-31')).toBe('2012-01-31');
    expect(birthDateOf('passport', 'E12345678')).toBeNull();
  });

  it('is a minor until the 18th birthday, an adult from that day', () => {
    expect(isMinorOn('2002-12-07', '2020-12-06')).toBe(true);
    expect(isMinorOn('2002-12-07', '2020-12-07')).toBe(false);
    expect(isMinorOn('2002-11-30', '2020-12-07')).toBe(false);
    expect(isMinorOn('2003-01-01', '2020-12-07')).toBe(true);
    expect(isMinorOn('1950-06-01', '2020-02-20')).toBe(false);
  });
});
