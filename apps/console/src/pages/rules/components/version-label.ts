import type { RuleSetAdminView } from '@healthcode/contracts';
import type { TFunction } from 'i18next';

/** "v3", or "草稿 0190ab12" for a draft that has no version number yet. */
export function versionLabel(ruleSet: Pick<RuleSetAdminView, 'version' | 'status' | 'id'>, t: TFunction): string {
  return ruleSet.version !== null
    ? `v${ruleSet.version}`
    : `${t(`rules.versions.status.${ruleSet.status}`)} ${ruleSet.id.slice(0, 8)}`;
}
