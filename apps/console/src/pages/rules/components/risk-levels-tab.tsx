import { useQuery } from '@tanstack/react-query';
import { getRegion } from '@healthcode/regions';
import { Col, Flex, Input, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageState } from '../../../components/page-state';
import { levelsByRegion } from '../risk-level.util';
import { fetchRiskLevels, riskLevelsQueryKey } from '../service';
import { RiskCsvCheck } from './risk-csv-check';
import { RiskLevelEditor } from './risk-level-editor';
import { RiskLevelTree } from './risk-level-tree';
import { clock } from '../../../services/clock';

export function RiskLevelsTab({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(scope.length === 6 ? scope : null);
  const [jumpError, setJumpError] = useState(false);
  const history = useQuery({ queryKey: riskLevelsQueryKey(''), queryFn: ({ signal }) => fetchRiskLevels('', signal) });
  const now = history.dataUpdatedAt || clock.ms();
  const levels = useMemo(() => levelsByRegion(history.data?.items ?? [], now), [history.data, now]);
  return (
    <PageState loading={history.isPending} error={history.error} onRetry={() => void history.refetch()}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={2} style={{ marginBottom: 8 }}>
            <label htmlFor="risk-region-jump">{t('rules.risk.jump')}</label>
            <Input.Search
              id="risk-region-jump"
              inputMode="numeric"
              maxLength={6}
              enterButton={t('rules.risk.jumpButton')}
              status={jumpError ? 'error' : undefined}
              aria-describedby={jumpError ? 'risk-region-jump-error' : undefined}
              onSearch={(value) => {
                const code = value.trim();
                const known = Boolean(getRegion(code));
                setJumpError(!known);
                if (known) setSelected(code);
              }}
            />
            {jumpError && (
              <span id="risk-region-jump-error" role="alert" style={{ color: '#cf1322' }}>
                {t('rules.risk.unknownRegion')}
              </span>
            )}
          </Flex>
          <RiskLevelTree levels={levels} scope={scope} selected={selected} onSelect={setSelected} />
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            {selected ? (
              <RiskLevelEditor region={selected} scope={scope} history={history.data?.items ?? []} now={now} />
            ) : (
              <p>{t('rules.risk.pick')}</p>
            )}
            <RiskCsvCheck />
          </Flex>
        </Col>
      </Row>
    </PageState>
  );
}
