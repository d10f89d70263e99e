import type { MyScan } from '@healthcode/contracts';
import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { ColorBadge } from '../../../components/color-badge';
import { Heading } from '../../../components/heading';
import { ResourceView } from '../../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../../format/date-format.util';
import { localRegionName } from '../../../format/region-name.util';
import { currentLocale } from '../../../i18n/i18n';
import { useResource } from '../../../hooks/use-resource';
import { fetchMyScans } from '../service';

/** Where my code was scanned (the checkpoint, never my position), when, the result and its deletion date. */
export function ScansSection({ load = fetchMyScans }: { load?: () => Promise<MyScan[]> } = {}) {
  const { t } = useTranslation();
  const [scans, reload] = useResource(load, [load]);
  return (
    <View className="section" aria-label="checkpoint scans">
      <Heading level={2}>{t('privacy.scansTitle')}</Heading>
      <ResourceView
        resource={scans}
        onRetry={reload}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('privacy.scansEmpty')}
      >
        {(items) => (
          <View role="list">
            {items.map((s, i) => (
              <View key={`${s.scannedAt}-${i}`} className="card" role="listitem" aria-label={`scan ${i + 1}`}>
                <Text className="muted small">{formatDateTime(s.scannedAt)}</Text>
                <Text className="strong">{s.checkpointName}</Text>
                <Text className="muted">
                  {s.place} · {localRegionName(s.region, currentLocale()) || s.region}
                </Text>
                <View className="scan-line">
                  {s.color && <ColorBadge color={s.color} />}
                  <Text>{t(`scanReason.${s.reason}`)}</Text>
                </View>
                {s.shownWith === 'card' && <Text className="muted small">{t('privacy.scanByCard')}</Text>}
                <Text className="muted small">{t('privacy.deletedOn', { date: formatDay(s.deleteOn) })}</Text>
              </View>
            ))}
          </View>
        )}
      </ResourceView>
    </View>
  );
}
