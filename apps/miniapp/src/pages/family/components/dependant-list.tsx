import { Text, View } from '@tarojs/components';
import type { DependantView } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { ColorBadge } from '../../../components/color-badge';
import { restartAt } from '../../../navigation/navigate';
import { saveActingFor } from '../../../session/acting-for-store';

/** The people the resident cares for: colour, state, and the way to act for them or stop. */
export function DependantList({ items, onRemove }: { items: DependantView[]; onRemove: (d: DependantView) => void }) {
  const { t } = useTranslation();
  return (
    <View role="list" aria-label={t('family.dependants')}>
      {items.map((d, i) => {
        const name = d.name ?? '—';
        return (
          <View key={d.linkId} className="card" role="listitem" aria-label={name}>
            <Text className="strong">{name}</Text>
            <Text className="muted small">{t(d.kind === 'minor' ? 'family.kindMinor' : 'family.kindAdult')}</Text>
            {d.color ? <ColorBadge color={d.color} long /> : <Text className="muted">{t('family.noCode')}</Text>}
            <Text className="muted">{t(d.status === 'active' ? 'family.statusActive' : 'family.statusPending')}</Text>
            {d.status === 'active' && (
              <ActionButton
                id={`family-act-${i}`}
                label={t('family.actFor', { name })}
                onClick={() => {
                  saveActingFor({ dependantId: d.dependantId, name });
                  restartAt('code');
                }}
              />
            )}
            <ActionButton
              id={`family-remove-${i}`}
              variant="secondary"
              label={t('family.remove', { name })}
              onClick={() => onRemove(d)}
            />
          </View>
        );
      })}
    </View>
  );
}
