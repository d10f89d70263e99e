import { Text, View } from '@tarojs/components';
import type { CodeResponse } from '@healthcode/contracts';
import Taro from '@tarojs/taro';
import { useTranslation } from 'react-i18next';

import { QrCode } from '../../../components/qr-code';
import { formatDateTime } from '../../../format/date-format.util';
import { codeBanner } from '../code-banner.util';
import { formatCountdown, isExpired, REFRESH_LEAD_MS, secondsUntil } from '../code-refresh.util';

/** Widest QR we draw; wider screens (desktop browsers) get the same size as a large phone. */
const MAX_QR_PX = 320;
/** Page padding and the coloured frame around the QR, both sides. */
const QR_CHROME_PX = 64;

function availableQrWidth(): number {
  try {
    return Math.min(MAX_QR_PX, Taro.getSystemInfoSync().windowWidth - QR_CHROME_PX);
  } catch {
    return 256;
  }
}

/** The colour banner (icon + words), the QR in that colour and the refresh countdown. */
export function CodeCard({ code, now }: { code: CodeResponse; now: number }) {
  const { t } = useTranslation();
  const banner = codeBanner(code.color);
  const label = t(banner.labelKey);
  const expired = isExpired(code.tokenExpiresAt, now);
  const refreshIn = secondsUntil(new Date(Date.parse(code.tokenExpiresAt) - REFRESH_LEAD_MS).toISOString(), now);

  return (
    <View
      className="code-card"
      style={{ borderColor: banner.background }}
      data-color={code.color}
      aria-label="health code"
    >
      <View
        className="code-card__banner"
        style={{ backgroundColor: banner.background, color: banner.onBackground }}
        aria-label={label}
      >
        <Text className="code-card__icon" aria-hidden="true">
          {banner.icon}
        </Text>
        <Text className="code-card__label">{label}</Text>
      </View>
      <View className="code-card__qr">
        {expired ? (
          <View className="code-card__expired" role="status">
            <Text>{t('code.expired')}</Text>
          </View>
        ) : (
          <QrCode
            payload={code.token}
            ink={banner.qrInk}
            availablePx={availableQrWidth()}
            // The picture's text alternative: what the colour means and until when the code is valid.
            label={t('code.qrLabel', { color: label, until: formatDateTime(code.tokenExpiresAt) })}
          />
        )}
      </View>
      <View className="code-card__countdown" role="timer" aria-label="code countdown">
        <Text>
          {refreshIn > 0 ? t('code.refreshesIn', { time: formatCountdown(refreshIn) }) : t('code.refreshing')}
        </Text>
      </View>
    </View>
  );
}
