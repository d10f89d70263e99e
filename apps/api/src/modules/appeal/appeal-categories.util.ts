import {
  APPEAL_CATEGORY_LABELS,
  type AppealCategoryInput,
  type AppealCategoryOption,
  DEFAULT_APPEAL_CATEGORIES,
  isKnownAppealCategory,
} from '@healthcode/contracts';

/** A stored list as residents see it: known keys take their fixed labels, custom ones their own. */
export function toCategoryOptions(stored: readonly AppealCategoryInput[]): AppealCategoryOption[] {
  return stored.map(({ key, label }) =>
    isKnownAppealCategory(key)
      ? { key, label: APPEAL_CATEGORY_LABELS[key], custom: false }
      : { key, label: label ?? { 'zh-CN': key, en: key }, custom: true },
  );
}

/**
 * The categories offered in `region`: those of the longest prefix that sets a list (a row that only sets
 * deadlines inherits the list of a wider region); every known category when none does.
 */
export function resolveAppealCategories(
  region: string,
  rows: readonly { regionPrefix: string; categories: AppealCategoryInput[] | null }[],
): AppealCategoryOption[] {
  const match = rows
    .filter((r) => r.categories !== null && region.startsWith(r.regionPrefix))
    .sort((a, b) => b.regionPrefix.length - a.regionPrefix.length)[0];
  return match?.categories ? toCategoryOptions(match.categories) : DEFAULT_APPEAL_CATEGORIES;
}
