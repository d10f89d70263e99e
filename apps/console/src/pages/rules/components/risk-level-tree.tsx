import { Tag, Tree } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type RegionLevelState, type RegionNode, regionNodes } from '../risk-level.util';
import { regionShortName } from '../../../services/region-label.util';

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
        {regionShortName(node.key)} <span style={{ color: 'rgba(0,0,0,0.55)' }}>({node.key})</span>{' '}
        {state?.current && (
          <Tag style={LEVEL_STYLE[state.current.level]}>
            {t(`rules.risk.levels.${state.current.level}`)} · {state.current.effectiveFrom.slice(0, 10)}
          </Tag>
        )}
        {state?.scheduled && (
          <Tag>
            {t('rules.risk.scheduled', {
              level: t(`rules.risk.levels.${state.scheduled.level}`),
              date: state.scheduled.effectiveFrom.slice(0, 10),
            })}
          </Tag>
        )}
      </span>
    );
  };
  const tree = useRef<{ scrollTo: (options: { key: string; align?: 'top' | 'bottom' | 'auto' }) => void }>(null);
  const [expanded, setExpanded] = useState<string[]>(() => ancestorsOf(scope, true));
  useEffect(() => {
    // A region picked by code opens its province and city, and scrolls into view.
    if (!selected) return;
    setExpanded((keys) => [...new Set([...keys, ...ancestorsOf(selected, false)])]);
    const timer = setTimeout(() => tree.current?.scrollTo({ key: selected, align: 'top' }), 0);
    return () => clearTimeout(timer);
  }, [selected]);
  return (
    <Tree<RegionNode>
      ref={tree as never}
      aria-label={t('rules.risk.tree')}
      treeData={nodes}
      height={520}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selected ? [selected] : []}
      titleRender={title}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
    />
  );
}

/** '330106' → ['33', '3301'] (and itself when `self`): the nodes to open to show a region. */
function ancestorsOf(code: string, self: boolean): string[] {
  const out: string[] = [];
  for (let length = 2; length < code.length || (self && length <= code.length); length += 2)
    out.push(code.slice(0, length));
  return out;
}
