import type { TFunction } from 'i18next';

type Rule = [RegExp, (t: TFunction, match: RegExpExecArray) => string];

/**
 * The shared zod schemas speak English. Their known messages are matched here and shown in the
 * resident's language; anything unknown (a newer server message) is shown as it is.
 */
const RULES: Rule[] = [
  [/^Required$/, (t) => t('validation.required')],
  [/^At most (\d+) characters$/, (t, m) => t('validation.maxChars', { max: m[1] })],
  [/^A resident ID number has 18 characters$/, (t) => t('validation.idLength')],
  [/^A resident ID number is 17 digits/, (t) => t('validation.idFormat')],
  [/^The birth date inside the ID number/, (t) => t('validation.idBirthDate')],
  [/^The first two digits of the ID number/, (t) => t('validation.idRegion')],
  [/check digit/, (t) => t('validation.idCheckDigit')],
  [/^Invalid ID number$/, (t) => t('validation.idInvalid')],
  [/^A passport number/, (t) => t('validation.passport')],
  [/^Use a mainland mobile number/, (t) => t('validation.phone')],
  [/^A region code has/, (t) => t('validation.regionFormat')],
  [/^Unknown region code/, (t) => t('validation.regionUnknown')],
  [/^Use a (real )?date like/, (t) => t('validation.dateFormat')],
  [/^This date is in the future$/, (t) => t('validation.dateFuture')],
  [/^A stay must end on or after/, (t) => t('validation.stayOrder')],
  [/^This stay overlaps stay (\d+)/, (t, m) => t('validation.stayOverlap', { n: m[1] })],
  [/^At most (\d+) stays$/, (t, m) => t('validation.maxStays', { max: m[1] })],
  [/^Each symptom once$/, (t) => t('validation.symptomOnce')],
  [/^Accept the consent text first$/, (t) => t('validation.consent')],
  [/^One of [a-z-]+(, [a-z-]+)+$/, (t) => t('validation.chooseOne')],
];

export function localizeValidationMessage(message: string, t: TFunction): string {
  for (const [pattern, translate] of RULES) {
    const match = pattern.exec(message);
    if (match) return translate(t, match);
  }
  return message;
}
