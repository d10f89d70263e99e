import { Text, View } from '@tarojs/components';
import type { MyDeclaration } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { Heading } from '../../../components/heading';
import { ResourceView } from '../../../components/state-views/resource-view';
import { formatDateTime, formatDay } from '../../../format/date-format.util';
import { regionPathName } from '../../../format/region-name.util';
import { currentLocale } from '../../../i18n/i18n';
import type { Resource } from '../../../hooks/use-resource';

/** Province, city and district, so two districts with the same name stay apart (pinyin in English mode). */
function placeName(code: string): string {
  return regionPathName(code, currentLocale());
}

function DeclarationCard({ declaration, n }: { declaration: MyDeclaration; n: number }) {
  const { t } = useTranslation();
  return (
    <View className="card" role="listitem" aria-label={t('declare.mine.item', { n })}>
      <Text className="strong">{t('declare.mine.declaredAt', { time: formatDateTime(declaration.declaredAt) })}</Text>
      <Text>{t('declare.mine.currentRegion', { place: placeName(declaration.currentRegion) })}</Text>
      {declaration.stays.length === 0 ? (
        <Text className="muted">{t('declare.mine.noStays')}</Text>
      ) : (
        declaration.stays.map((stay, i) => (
          <Text key={`${stay.region}-${stay.from}-${i}`}>
            {t('declare.mine.stay', {
              place: placeName(stay.region),
              from: formatDay(stay.from),
              to: formatDay(stay.to),
            })}
          </Text>
        ))
      )}
      {declaration.symptoms.map((s) => (
        <Text key={s.symptom}>
          {t('declare.mine.symptom', {
            symptom: t(`symptom.${s.symptom}`, { defaultValue: s.symptom }),
            date: formatDay(s.onset),
          })}
        </Text>
      ))}
      {declaration.contactDate && (
        <Text>{t('declare.mine.contact', { date: formatDay(declaration.contactDate) })}</Text>
      )}
    </View>
  );
}

/**
 * Every declaration the resident has made and the system still keeps, newest first. Declarations add up (a
 * new one never erases an earlier stay), so the earlier ones still count and must be visible.
 */
export function MyDeclarations({ resource, onRetry }: { resource: Resource<MyDeclaration[]>; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <View className="section" aria-label={t('declare.mine.title')}>
      <Heading level={2}>{t('declare.mine.title')}</Heading>
      <Text className="muted">{t('declare.mine.explain')}</Text>
      <ResourceView
        resource={resource}
        onRetry={onRetry}
        isEmpty={(items) => items.length === 0}
        emptyMessage={t('declare.mine.empty')}
      >
        {(items) => (
          <View role="list" aria-label="my declarations">
            {items.map((d, i) => (
              <DeclarationCard key={d.id} declaration={d} n={items.length - i} />
            ))}
          </View>
        )}
      </ResourceView>
    </View>
  );
}
