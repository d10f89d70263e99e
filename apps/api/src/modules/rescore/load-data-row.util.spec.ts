import { loadDataField, loadDataRow } from './load-data-row.util';

describe('loadDataRow', () => {
  it('writes NULL as \\N, bytes as hex and numbers as digits', () => {
    expect(loadDataRow([null, Buffer.from([0, 255]), 3, 'a'])).toBe('\\N\t00ff\t3\ta\n');
  });

  it('escapes the characters the default LOAD DATA format gives a meaning to', () => {
    expect(loadDataField('a\\b\tc\nd\re\0f')).toBe('a\\\\b\\tc\\nd\\re\\0f');
    expect(loadDataField('{"region":"330106"}')).toBe('{"region":"330106"}');
    expect(loadDataField('王芳')).toBe('王芳');
  });
});
