import { Text, View } from '@tarojs/components';
import type { ProfileResponse } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/form-field/text-field';
import { Heading } from '../../components/heading';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ErrorView } from '../../components/state-views';
import { ResourceView } from '../../components/state-views/resource-view';
import { useResource } from '../../hooks/use-resource';
import { restartAt } from '../../navigation/navigate';
import { identityProof } from '../../platform/identity-proof';
import { VerificationStatus } from './components/verification-status';
import { fetchProfile, verifyIdentity } from './service';

function VerifyForm({ profile }: { profile: ProfileResponse }) {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const verify = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await verifyIdentity(profile, idNumber);
      restartAt('code');
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <Text className="paragraph">{t('verify.why')}</Text>
      <Text className="paragraph">{t(`verify.how.${identityProof.method}`)}</Text>
      {identityProof.asksForIdNumber && (
        <TextField
          name="devIdNumber"
          label={t('verify.devIdNumber')}
          hint={t('verify.devIdNumberHint', { masked: profile.idNumber ?? '' })}
          type={profile.idType === 'passport' ? 'text' : 'idcard'}
          value={idNumber}
          onChange={setIdNumber}
          maxlength={32}
        />
      )}
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton id="verify-submit" label={t(`verify.start.${identityProof.method}`)} onClick={verify} busy={busy} />
      <Heading level={2}>{t('verify.hotlineTitle')}</Heading>
      <Text className="paragraph">{t('verify.hotline')}</Text>
    </View>
  );
}

/** Proving that the profile's ID number is the resident's own: nothing is matched, and no code shown, before it. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const [profile, reload] = useResource(fetchProfile, []);

  return (
    <Screen title={t('verify.title')}>
      <ResourceView resource={profile} onRetry={reload}>
        {(p) => (
          <View>
            <VerificationStatus verification={p.verification} />
            {p.verification.state === 'verified' ? (
              <View>
                <Notice tone="status">{t('verify.done')}</Notice>
                <ActionButton id="verify-to-code" label={t('verify.toCode')} onClick={() => restartAt('code')} />
              </View>
            ) : (
              <VerifyForm profile={p} />
            )}
          </View>
        )}
      </ResourceView>
    </Screen>
  );
}
