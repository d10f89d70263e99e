import { View } from '@tarojs/components';
import { useMemo } from 'react';

import { qrPaper } from '../../theme/colors';
import { buildQrRows, inkSegments, QR_QUIET_ZONE, qrCellSize } from './qr-matrix.util';

interface QrCodeProps {
  payload: string;
  /** Colour of the dark modules. */
  ink: string;
  /** Width available for the code including its quiet zone, in px. */
  availablePx: number;
  label: string;
}

/** A QR code drawn with plain Views (rows of runs), identical on H5, WeChat and Alipay. */
export function QrCode({ payload, ink, availablePx, label }: QrCodeProps) {
  const matrix = useMemo(() => buildQrRows(payload), [payload]);
  const cell = qrCellSize(matrix.size, availablePx);
  const side = `${(matrix.size + 2 * QR_QUIET_ZONE) * cell}px`;
  return (
    <View
      className="qr-code"
      role="img"
      aria-label={label}
      data-testid="qr-code"
      style={{
        width: side,
        height: side,
        padding: `${QR_QUIET_ZONE * cell}px`,
        backgroundColor: qrPaper,
        boxSizing: 'border-box',
      }}
    >
      {matrix.rows.map((runs, r) => (
        <View key={r} className="qr-code__row" style={{ display: 'flex', height: `${cell}px` }}>
          {inkSegments(runs).map((segment, i) => (
            <View
              key={i}
              style={{
                marginLeft: `${segment.gap * cell}px`,
                width: `${segment.length * cell}px`,
                height: `${cell}px`,
                backgroundColor: ink,
                flexShrink: 0,
              }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
