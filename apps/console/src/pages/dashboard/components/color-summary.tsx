import { COLORS } from '@healthcode/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

import { CODE_COLOR_HEX } from '../../../constants/code-color.constant';
import type { ColorCounts } from '../types';

/**
 * Totals as text, so the numbers are readable without the charts. A suppressed count reads "hidden", and the
 * total then only "at least" the sum of the shown counts.
 */
export function ColorSummary({ counts, hidden }: { counts: ColorCounts; hidden: string }) {
  const { t } = useTranslation();
  const shownSum = COLORS.reduce((sum, color) => sum + (counts[color] ?? 0), 0);
  const anyHidden = COLORS.some((color) => counts[color] === null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic
            title={t('dashboard.total')}
            value={shownSum}
            prefix={anyHidden ? t('dashboard.atLeast') : undefined}
          />
        </Card>
      </Col>
      {COLORS.map((color) => (
        <Col key={color} xs={24} sm={12} lg={6}>
          <Card style={{ borderTop: `3px solid ${CODE_COLOR_HEX[color]}` }}>
            <Statistic title={t(`dashboard.${color}`)} value={counts[color] ?? hidden} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
