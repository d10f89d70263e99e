import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';

import { PageHeader } from '../../components/page-header';
import { useSession } from '../../hooks/use-session';
import { regionLabel } from '../../services/region-label.util';
import { DraftEditorTab } from './components/draft-editor-tab';
import { RiskLevelsTab } from './components/risk-levels-tab';
import { RuleVersionsTab } from './components/rule-versions-tab';

/** Region administrators: risk levels with a what-if preview, rule-set versions and diffs, drafts for their scope. */
export default function RulesPage() {
  const { t } = useTranslation();
  const scope = useSession()?.staff.regionScope ?? '';
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle', { scope: scope ? regionLabel(scope) : t('header.wholeCountry') })}
      />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'risk', label: t('rules.tabs.risk'), children: <RiskLevelsTab scope={scope} /> },
          { key: 'versions', label: t('rules.tabs.versions'), children: <RuleVersionsTab /> },
          { key: 'draft', label: t('rules.tabs.draft'), children: <DraftEditorTab scope={scope} /> },
        ]}
      />
    </Flex>
  );
}
