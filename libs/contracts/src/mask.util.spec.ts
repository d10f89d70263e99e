import { maskIdNumber, maskName, maskPhone } from './mask.util';

describe('maskIdNumber', () => {
  it('shows the first and last four characters of a resident ID number', () => {
    expect(maskIdNumber('330106199001011234')).toBe('3301**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('never shows more than half of a shorter number', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('K12345')).toBe('K****5');
    expect(maskIdNumber('ABC')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('shows the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('still masks something that is not a mobile number', () => {
    expect(maskPhone('01012345678')).toBe('01*******78');
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['Li Lei', 'L*****'],
    ['买买提·艾力', '买*****'],
    ['𠮷田', '𠮷*'],
    [' 王五 ', '王*'],
    ['张', '*'],
    ['', ''],
  ])('%p -> %p', (name, masked) => expect(maskName(name)).toBe(masked));
});
