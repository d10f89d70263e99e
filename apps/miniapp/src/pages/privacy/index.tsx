import { Text, View } from '@tarojs/components';
import type { DeletionReceipt } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { Heading } from '../../components/heading';
import { LanguageSwitch } from '../../components/language-switch';
import { Screen } from '../../components/screen';
import { ResourceView } from '../../components/state-views/resource-view';
import { formatDateTime } from '../../format/date-format.util';
import { useResource } from '../../hooks/use-resource';
import { openPage, restartAt } from '../../navigation/navigate';
import { DeleteDataSection, DeletionReceiptView } from './components/delete-data-section';
import { IdentitySection } from './components/identity-section';
import { RetentionSection } from './components/retention-section';
import { ScansSection } from './components/scans-section';
import { fetchAccessLog, signOutLocally } from './service';

/** Settings and privacy: language, who read my data, update, sign out, delete everything. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const [log, reload] = useResource(fetchAccessLog, []);
  const [receipt, setReceipt] = useState<DeletionReceipt | null>(null);

  // After deletion there is no account left to navigate: only the receipt and the way out.
  if (receipt) {
    return (
      <Screen title={t('privacy.title')}>
        <DeletionReceiptView receipt={receipt} />
      </Screen>
    );
  }

  return (
    <Screen title={t('privacy.title')} tab="privacy">
      <LanguageSwitch />

      <View className="section" aria-label={t('privacy.accessLog')}>
        <Heading level={2}>{t('privacy.accessLog')}</Heading>
        <ResourceView
          resource={log}
          onRetry={reload}
          isEmpty={(items) => items.length === 0}
          emptyMessage={t('privacy.accessEmpty')}
        >
          {(items) => (
            <View role="list">
              {items.map((entry) => (
                <View key={entry.id} className="card" role="listitem">
                  <Text className="muted small">{formatDateTime(entry.at)}</Text>
                  <Text className="strong">
                    {t('privacy.accessEntry', { role: entry.role, purpose: entry.purpose })}
                  </Text>
                  <Text className="muted">{t('privacy.scope', { scope: entry.scope })}</Text>
                  {entry.actedFor && (
                    <Text className="muted small">
                      {t('acting.byFor', {
                        carer: entry.actedFor.carer ?? t('acting.formerCarer'),
                        dependant: entry.actedFor.dependant ?? '',
                      })}
                    </Text>
                  )}
                </View>
              ))}
            </View>
          )}
        </ResourceView>
      </View>

      <IdentitySection />
      <ScansSection />
      <RetentionSection />

      <View className="section">
        <ActionButton
          id="privacy-family"
          variant="secondary"
          label={t('family.link')}
          onClick={() => openPage('family')}
        />
        <ActionButton
          id="privacy-appeals"
          variant="secondary"
          label={t('code.appealsLink')}
          onClick={() => openPage('appeals')}
        />
        <ActionButton
          id="privacy-inbox"
          variant="secondary"
          label={t('code.inboxLink')}
          onClick={() => openPage('inbox')}
        />
        <ActionButton
          id="privacy-update"
          variant="secondary"
          label={t('privacy.updateDetails')}
          onClick={() => openPage('signup')}
        />
        <ActionButton
          id="privacy-sign-out"
          variant="secondary"
          label={t('privacy.signOut')}
          onClick={() => {
            signOutLocally();
            restartAt('login');
          }}
        />
      </View>

      <DeleteDataSection onDeleted={setReceipt} />
    </Screen>
  );
}
