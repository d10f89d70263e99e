import { View } from '@tarojs/components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type DeviceSettings, saveDeviceSettings } from '../../../checkpoint/checkpoint-store';
import { parseDeviceSettings } from '../../../checkpoint/device-settings.util';
import { ActionButton } from '../../../components/action-button';
import { TextField } from '../../../components/form-field/text-field';
import { Heading } from '../../../components/heading';

/** The checkpoint id and device credential a region administrator issued in the console. */
export function DeviceSetup({ onSaved }: { onSaved: (settings: DeviceSettings) => void }) {
  const { t } = useTranslation();
  const [checkpointId, setCheckpointId] = useState('');
  const [credential, setCredential] = useState('');
  const [problem, setProblem] = useState<'checkpointId' | 'authorization' | null>(null);

  const save = () => {
    const parsed = parseDeviceSettings(checkpointId, credential);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    saveDeviceSettings(parsed.settings);
    onSaved(parsed.settings);
  };

  return (
    <View className="section" aria-label="device setup">
      <Heading level={2}>{t('checkpoint.setupTitle')}</Heading>
      <TextField
        name="checkpointId"
        label={t('checkpoint.checkpointId')}
        value={checkpointId}
        onChange={setCheckpointId}
        maxlength={36}
        error={problem === 'checkpointId' ? t('checkpoint.badCheckpointId') : undefined}
      />
      <TextField
        name="credential"
        label={t('checkpoint.credential')}
        hint={t('checkpoint.credentialHint')}
        value={credential}
        onChange={setCredential}
        maxlength={200}
        password
        error={problem === 'authorization' ? t('checkpoint.badCredential') : undefined}
      />
      <ActionButton id="checkpoint-save-device" label={t('checkpoint.saveDevice')} onClick={save} />
    </View>
  );
}
