import { Text, View } from '@tarojs/components';
import type { CarerView } from '@healthcode/contracts';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';

/** Who may act for the resident (an adult with the app): accept a request, refuse it, or remove a carer. */
export function CarerList({
  items,
  onAccept,
  onRemove,
}: {
  items: CarerView[];
  onAccept: (c: CarerView) => void;
  onRemove: (c: CarerView) => void;
}) {
  const { t } = useTranslation();
  return (
    <View role="list" aria-label={t('family.carers')}>
      {items.map((c, i) => {
        const name = c.name ?? '—';
        const pending = c.status === 'pending';
        return (
          <View key={c.linkId} className="card" role="listitem" aria-label={name}>
            <Text className="strong">{name}</Text>
            <Text className="muted">{t(pending ? 'family.statusPending' : 'family.statusActive')}</Text>
            {pending && (
              <ActionButton id={`carer-accept-${i}`} label={t('family.accept', { name })} onClick={() => onAccept(c)} />
            )}
            {c.kind === 'adult' && (
              <ActionButton
                id={`carer-remove-${i}`}
                variant="secondary"
                label={t(pending ? 'family.refuse' : 'family.removeCarer', { name })}
                onClick={() => onRemove(c)}
              />
            )}
          </View>
        );
      })}
    </View>
  );
}
