import { Tag, Tree } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { type RegionLevelState, type RegionNode, regionNodes } from '../risk-level.util';

// Light tints with near-black text: antd's preset tag colours miss AA contrast.
const LEVEL_STYLE = {
  low: { background: '#f6ffed', borderColor: '#b7eb8f', color: 'rgba(0, 0, 0, 0.88)' },
  medium: { background: '#fffbe6', borderColor: '#ffe58f', color: 'rgba(0, 0, 0, 0.88)' },
  high: { background: '#fff1f0', borderColor: '#ffa39e', color: 'rgba(0, 0, 0, 0.88)' },
} as const;

interface RiskLevelTreeProps {
  levels: Map<string, RegionLevelState>;
  scope: string;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** Every province, city and district with the level set on it and since when; the staff scope opens first. */
export function RiskLevelTree({ levels, scope, selected, onSelect }: RiskLevelTreeProps) {
  const { t } = useTranslation();
  const nodes = useMemo(() => regionNodes(), []);
  const title = (node: RegionNode) => {
    const state = levels.get(node.key);
    return (
      <span>
        {node.region.name} <span style={{ color: 'rgba(0,0,0,0.55)' }}>({node.key})</span>{' '}
        {state?.current && (
          <Tag style={LEVEL_STYLE[state.current.level]}>
            {t(`rules.risk.levels.${state.current.level}`)} · {state.current.effectiveFrom.slice(0, 10)}
          </Tag>
        )}
        {state?.scheduled && <Tag>{t('rules.risk.scheduled', { level: t(`rules.risk.levels.${state.scheduled.level}`), date: state.scheduled.effectiveFrom.slice(0, 10) })}</Tag>}
      </span>
    );
  };
  const expanded = scope ? [scope.slice(0, 2), ...(scope.length >= 4 ? [scope.slice(0, 4)] : [])] : [];
  return (
    <Tree<RegionNode>
      aria-label={t('rules.risk.tree')}
      treeData={nodes}
      height={520}
      defaultExpandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      titleRender={title}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
    />
  );
}
