import { wechatTemplateProblems } from './wechat-template-data.util';

describe('WeChat subscribe-message keyword limits', () => {
  const v = (value: string) => ({ value });

  it('accepts values within each type', () => {
    expect(
      wechatTemplateProblems({
        thing1: v('一二三四五六七八九十一二三四五六七八九十'),
        phrase2: v('待补充'),
        character_string3: v('A-12_x'),
        number4: v('12.5'),
        time5: v('2026-12-07 10:05'),
        date6: v('2026年12月20日'),
        name7: v('张三'),
        phone_number8: v('+86-0766-66888866'),
      }),
    ).toEqual([]);
  });

  it('names every field WeChat would refuse (47003)', () => {
    expect(
      wechatTemplateProblems({
        thing1: v('一二三四五六七八九十一二三四五六七八九十一'),
        phrase2: v('邀请金到账提醒'),
        phrase3: v('abc'),
        character_string4: v('中文'),
        time5: v('tomorrow'),
        thing6: v(''),
        weird7: v('x'),
      }),
    ).toEqual([
      'thing1: must be up to 20 characters',
      'phrase2: must be up to 5 Chinese characters',
      'phrase3: must be up to 5 Chinese characters',
      'character_string4: must be up to 32 digits, letters or symbols',
      'time5: must be a 24-hour time, optionally with a date',
      'thing6: must be up to 20 characters',
      'weird7: unknown keyword type',
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wechatTemplateProblems({ thing1: v('😀'.repeat(20)) })).toEqual([]);
  });
});
