import type { TemplateData } from './notification-message.util';

/**
 * WeChat's limits per subscribe-message keyword type ("订阅消息参数值内容限制说明" of subscribeMessage.send):
 * a value that breaks them is refused with errcode 47003 and the message is lost, so it is checked before sending.
 * Lengths count characters (code points).
 */
const RULES: { prefix: string; test: (v: string) => boolean; limit: string }[] = [
  {
    prefix: 'character_string',
    test: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
    limit: 'up to 32 digits, letters or symbols',
  },
  { prefix: 'thing', test: (v) => len(v) >= 1 && len(v) <= 20, limit: 'up to 20 characters' },
  { prefix: 'number', test: (v) => /^-?\d+(\.\d+)?$/.test(v) && v.length <= 32, limit: 'up to 32 digits' },
  { prefix: 'letter', test: (v) => /^[A-Za-z]{1,32}$/.test(v), limit: 'up to 32 letters' },
  { prefix: 'symbol', test: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v), limit: 'up to 5 symbols' },
  { prefix: 'phrase', test: (v) => /^\p{Script=Han}{1,5}$/u.test(v), limit: 'up to 5 Chinese characters' },
  {
    prefix: 'name',
    test: (v) => (/\p{Script=Han}/u.test(v) ? len(v) <= 10 : /^[\x20-\x7e]{1,20}$/.test(v)),
    limit: 'up to 10 Chinese characters or 20 letters',
  },
  { prefix: 'time', test: (v) => isDateTime(v), limit: 'a 24-hour time, optionally with a date' },
  { prefix: 'date', test: (v) => isDateTime(v), limit: 'a date, optionally with a 24-hour time' },
  { prefix: 'amount', test: (v) => /^\D?\d{1,10}(\.\d+)?元?$/.test(v), limit: 'a currency sign and up to 10 digits' },
  { prefix: 'phone_number', test: (v) => /^[\d+\-() ]{1,17}$/.test(v), limit: 'up to 17 digits and symbols' },
  { prefix: 'car_number', test: (v) => len(v) >= 1 && len(v) <= 8, limit: 'up to 8 characters' },
];

const len = (v: string) => [...v].length;

const DATE = String.raw`(\d{4}[年-]\d{1,2}[月-]\d{1,2}日?)`;
const TIME = String.raw`(\d{1,2}:\d{2}(:\d{2})?)`;
const POINT = `(${DATE}( ${TIME})?|${TIME})`;
const DATE_TIME = new RegExp(`^${POINT}(~${POINT})?$`);
const isDateTime = (v: string) => DATE_TIME.test(v);

/** Problems of a WeChat template's data, one line per bad field; empty when WeChat would accept it. */
export function wechatTemplateProblems(data: TemplateData): string[] {
  const problems: string[] = [];
  for (const [key, field] of Object.entries(data)) {
    const type = key.replace(/\d+$/, '');
    const rule = RULES.find((r) => r.prefix === type);
    if (!rule) problems.push(`${key}: unknown keyword type`);
    else if (typeof field?.value !== 'string' || !rule.test(field.value))
      problems.push(`${key}: must be ${rule.limit}`);
  }
  return problems;
}
