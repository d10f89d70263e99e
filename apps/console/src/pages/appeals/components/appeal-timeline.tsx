import type { AppealTimelineEntry } from '@healthcode/contracts';
import { Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../../services/date-format.util';
import { EvidencePreview } from './evidence-preview';

/** Every step of the appeal, with the words exchanged and the evidence attached at each step. */
export function AppealTimeline({ appealNumber, entries }: { appealNumber: number; entries: AppealTimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        content: (
          <Flex vertical gap={4}>
            <Typography.Text strong>
              {t(`appeals.event.${entry.type}`, { defaultValue: entry.type })} · {t(`appeals.actor.${entry.actor}`)}
            </Typography.Text>
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
            {entry.message && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {entry.message}
              </Typography.Paragraph>
            )}
            {entry.evidence.map((evidence) => (
              <EvidencePreview key={evidence.sha256} appealNumber={appealNumber} evidence={evidence} />
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
