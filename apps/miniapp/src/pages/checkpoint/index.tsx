import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  type CachedJwks,
  clearDeviceSettings,
  clearOperator,
  type DeviceSettings,
  readDeviceSettings,
  readJwks,
  readOperator,
} from '../../checkpoint/checkpoint-store';
import { clearRefusedScans, readRefusedScans, type RefusedScan } from '../../checkpoint/refused-scans.store';
import { readQueue } from '../../checkpoint/scan-queue.store';
import type { ScanVerdict } from '../../checkpoint/scan-verdict.util';
import { ActionButton } from '../../components/action-button';
import { TextAreaField } from '../../components/form-field/text-area-field';
import { Heading } from '../../components/heading';
import { Notice } from '../../components/notice';
import { Screen } from '../../components/screen';
import { ErrorView, LoadingView } from '../../components/state-views';
import { formatDateTime } from '../../format/date-format.util';
import { restartAt } from '../../navigation/navigate';
import { codeVerifier } from '../../platform/code-verifier';
import { scanner } from '../../platform/scanner';
import { DeviceSetup } from './components/device-setup';
import { ScanResultScreen } from './components/scan-result-screen';
import { checkToken, downloadJwks, uploadQueue } from './service';

/** Offline scans the API refused on upload: when each was scanned and why it was not stored. */
function RefusedScans({ refused, onClear }: { refused: readonly RefusedScan[]; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <View className="section" aria-label="refused scans">
      <Heading level={2}>{t('checkpoint.refusedTitle', { count: refused.length })}</Heading>
      <Text className="muted small">{t('checkpoint.refusedHint')}</Text>
      <View role="list">
        {refused.map((r) => (
          <View key={r.clientScanId} className="card" role="listitem">
            <Text className="strong">
              {r.scannedAt ? t('checkpoint.refusedScannedAt', { time: formatDateTime(r.scannedAt) }) : '—'}
            </Text>{' '}
            <Text>{t(`offlineRefusal.${r.reason}`, { defaultValue: r.message })}</Text>
          </View>
        ))}
      </View>
      <ActionButton variant="secondary" label={t('checkpoint.refusedClear')} onClick={onClear} />
    </View>
  );
}

/** Retry uploading queued scans this often while the page is open. */
const UPLOAD_RETRY_MS = 15_000;

/** Checkpoint mode: scan a resident's code, verify it, show the result full-screen, queue and upload scans. */
export default function CheckpointPage() {
  const { t } = useTranslation();
  const operator = readOperator();
  const [device, setDevice] = useState<DeviceSettings | null>(() => readDeviceSettings());
  const [keys, setKeys] = useState<CachedJwks | null>(() => readJwks());
  const [queued, setQueued] = useState(() => readQueue().length);
  const [refused, setRefused] = useState<RefusedScan[]>(() => readRefusedScans());
  const [verdict, setVerdict] = useState<ScanVerdict | null>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState<'scan' | 'keys' | 'upload' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!operator) restartAt('staffLogin');
  }, [operator]);

  const upload = useCallback(
    async (manual: boolean) => {
      if (readQueue().length === 0) return;
      if (manual) setBusy('upload');
      try {
        const report = await uploadQueue();
        if (manual || report.uploaded)
          setStatus(
            report.refused.length
              ? t('checkpoint.uploadedWithRefusals', { count: report.uploaded, refused: report.refused.length })
              : t('checkpoint.uploaded', { count: report.uploaded }),
          );
        if (manual) setFailure(null);
      } catch (e) {
        if (manual) setFailure(e);
      } finally {
        setQueued(readQueue().length);
        setRefused(readRefusedScans());
        if (manual) setBusy(null);
      }
    },
    [t],
  );

  useDidShow(() => void upload(false));
  useEffect(() => {
    const timer = setInterval(() => void upload(false), UPLOAD_RETRY_MS);
    return () => clearInterval(timer);
  }, [upload]);

  const refreshKeys = async () => {
    setBusy('keys');
    setFailure(null);
    try {
      setKeys(await downloadJwks());
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  const verify = async (token: string | null) => {
    if (!token) return;
    setBusy('scan');
    setFailure(null);
    setStatus(null);
    try {
      setVerdict(await checkToken(token));
      setPasted('');
      void upload(false);
    } catch (e) {
      setFailure(e);
    } finally {
      setQueued(readQueue().length);
      setBusy(null);
    }
  };

  const scan = async () => {
    try {
      await verify(await scanner.scan());
    } catch (e) {
      setFailure(e);
    }
  };

  if (!operator) return <LoadingView />;
  if (verdict) return <ScanResultScreen verdict={verdict} onNext={() => setVerdict(null)} />;

  return (
    <Screen title={t('checkpoint.title')}>
      <Text className="muted">{t('checkpoint.signedInAs', { name: operator.displayName })}</Text>
      {!device ? (
        <DeviceSetup onSaved={setDevice} />
      ) : (
        <View>
          <Text className="muted small" aria-label="checkpoint id">
            {t('checkpoint.scanningFor', { id: device.checkpointId })}
          </Text>
          <Notice tone="status">
            {codeVerifier.offline ? t('checkpoint.modeOffline') : t('checkpoint.modeOnline')}
          </Notice>

          {codeVerifier.offline && (
            <View className="section" aria-label="signing keys">
              <Heading level={2}>{t('checkpoint.keysTitle')}</Heading>
              <Text className="muted" aria-label="keys status">
                {keys
                  ? t('checkpoint.keysCached', { count: keys.jwks.keys.length, time: formatDateTime(keys.fetchedAt) })
                  : t('checkpoint.keysNone')}
              </Text>
              {keys?.trustListIssuedAt && (
                <Text className="muted" aria-label="trust list status">
                  {t('checkpoint.trustListAge', { time: formatDateTime(keys.trustListIssuedAt) })}
                </Text>
              )}
              <Text className="muted" aria-label="card status list">
                {keys?.cardStatusIssuedAt
                  ? t('checkpoint.cardListCached', { time: formatDateTime(keys.cardStatusIssuedAt) })
                  : t('checkpoint.cardListNone')}
              </Text>
              <ActionButton
                id="checkpoint-keys"
                variant="secondary"
                label={t('checkpoint.refreshKeys')}
                onClick={() => void refreshKeys()}
                busy={busy === 'keys'}
              />
            </View>
          )}

          <View className="section" aria-label="scan">
            {scanner.hasCamera && (
              <ActionButton
                id="checkpoint-scan"
                label={t('checkpoint.scan')}
                onClick={() => void scan()}
                busy={busy === 'scan'}
              />
            )}
            {scanner.canPaste && (
              <View>
                <TextAreaField
                  name="token"
                  label={t('checkpoint.pasteLabel')}
                  hint={t('checkpoint.pasteHint')}
                  value={pasted}
                  onChange={setPasted}
                  maxlength={4096}
                />
                <ActionButton
                  id="checkpoint-verify"
                  variant={scanner.hasCamera ? 'secondary' : 'primary'}
                  label={t('checkpoint.verifyPasted')}
                  onClick={() => void verify(pasted.trim())}
                  busy={busy === 'scan'}
                  disabled={!pasted.trim()}
                />
              </View>
            )}
          </View>

          <View className="section" aria-label="upload queue">
            <Heading level={2}>{t('checkpoint.queueTitle')}</Heading>
            <Text aria-label="queued scans" data-count={String(queued)}>
              {queued ? t('checkpoint.queue', { count: queued }) : t('checkpoint.queueEmpty')}
            </Text>
            {queued > 0 && (
              <ActionButton
                id="checkpoint-upload"
                variant="secondary"
                label={t('checkpoint.upload')}
                onClick={() => void upload(true)}
                busy={busy === 'upload'}
              />
            )}
          </View>
          {refused.length > 0 && (
            <RefusedScans
              refused={refused}
              onClear={() => {
                clearRefusedScans();
                setRefused([]);
              }}
            />
          )}
          {queued > 0 && <Text className="muted small">{t('checkpoint.changeDeviceBlocked')}</Text>}
          <ActionButton
            variant="link"
            label={t('checkpoint.changeDevice')}
            disabled={queued > 0}
            onClick={() => {
              clearDeviceSettings();
              setDevice(null);
            }}
          />
        </View>
      )}
      {status && <Notice tone="status">{status}</Notice>}
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton
        id="checkpoint-sign-out"
        variant="link"
        label={t('checkpoint.signOut')}
        onClick={() => {
          clearOperator();
          restartAt('login');
        }}
      />
    </Screen>
  );
}
