import type { Locale, RuleSetAdminView } from '@healthcode/contracts';
import { diffRuleSets, type RuleSet } from '@healthcode/rules';
import { Card, Empty, List, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { canonicalJson, sideBySide } from '../line-diff.util';
import { versionLabel } from './version-label';

const BG = { same: undefined, removed: '#fff1f0', added: '#f6ffed' } as const;
const MARK = { same: ' ', removed: '−', added: '+' } as const;

/** The changes in words (from libs/rules), then both definitions side by side with changed lines marked. */
export function RuleSetDiff({ left, right }: { left: RuleSetAdminView; right: RuleSetAdminView }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const changes = useMemo(
    () => diffRuleSets(left.definition as RuleSet, right.definition as RuleSet).filter((c) => c.kind !== 'version'),
    [left, right],
  );
  const rows = useMemo(
    () => sideBySide(canonicalJson(left.definition), canonicalJson(right.definition)),
    [left, right],
  );
  const cell = (text: string | null, kind: keyof typeof BG, side: 'left' | 'right') => (
    <td
      style={{
        background: text === null ? '#fafafa' : BG[kind],
        padding: '0 8px',
        whiteSpace: 'pre',
        fontFamily: 'monospace',
        fontSize: 12,
        width: '50%',
      }}
    >
      {text === null ? '' : `${kind === 'same' ? ' ' : side === 'left' ? MARK.removed : MARK.added} ${text}`}
    </td>
  );
  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>
          {t('rules.versions.diffTitle', { left: versionLabel(left, t), right: versionLabel(right, t) })}
        </h2>
      }
    >
      {changes.length === 0 ? (
        <Empty description={t('rules.versions.noChanges')} />
      ) : (
        <List
          size="small"
          header={<Typography.Text strong>{t('rules.versions.changes')}</Typography.Text>}
          dataSource={changes}
          renderItem={(c) => <List.Item>{c.text[lang]}</List.Item>}
        />
      )}
      <div style={{ overflow: 'auto', maxHeight: 480, marginTop: 12 }}>
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <caption style={{ textAlign: 'start' }}>{t('rules.versions.sideBySide')}</caption>
          <thead>
            <tr>
              <th scope="col">{versionLabel(left, t)}</th>
              <th scope="col">{versionLabel(right, t)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {cell(row.left, row.kind, 'left')}
                {cell(row.right, row.kind, 'right')}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
