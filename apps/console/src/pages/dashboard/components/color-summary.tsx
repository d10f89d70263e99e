import { COLORS } from '@healthcode/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

import { CODE_COLOR_HEX } from '../../../constants/code-color.constant';
import type { ColorCounts } from '../types';

/** Totals as text, so the numbers are readable without the charts. */
export function ColorSummary({ counts }: { counts: ColorCounts }) {
  const { t } = useTranslation();
  const total = counts.green + counts.yellow + counts.red;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic title={t('dashboard.total')} value={total} />
        </Card>
      </Col>
      {COLORS.map((color) => (
        <Col key={color} xs={24} sm={12} lg={6}>
          <Card style={{ borderTop: `3px solid ${CODE_COLOR_HEX[color]}` }}>
            <Statistic title={t(`dashboard.${color}`)} value={counts[color]} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
