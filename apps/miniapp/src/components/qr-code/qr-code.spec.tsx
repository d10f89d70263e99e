/**
 * @jest-environment jsdom
 */
import jsQR from 'jsqr';
import { renderToStaticMarkup } from 'react-dom/server';

import { codeColors } from '../../theme/colors';
import { QrCode } from './index';
import { buildQrRows, inkSegments, QR_QUIET_ZONE, qrCellSize } from './qr-matrix.util';

// Shaped like the real token: a compact ES256 JWS (header.payload.signature, base64url).
const TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6ImsyMDIwLTAyIn0.eyJjaWQiOiI3ZjNkMmE5Yy0xYjRlIiwiYyI6InllbGxvdyIsImlhdCI6MTU4MTMwMDAwMCwiZXhwIjoxNTgxMzAwMzAwfQ.' +
  'MEUCIQD3mXb0o1vJ4nq2Vt5cC0Q8rY8m0n6H9kz1nZb1z8p2wIgR4d6m0Hc7Qp3Jk5lV1o2s3t4u5v6w7x8y9z0A1B2C3D4';

/** Paints the rendered Views into an RGBA bitmap, exactly as the platforms would lay them out. */
function rasterize(root: Element): { data: Uint8ClampedArray; width: number; height: number } {
  const side = parseInt((root as HTMLElement).style.width, 10);
  const padding = parseInt((root as HTMLElement).style.padding, 10);
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  let y = padding;
  for (const row of Array.from(root.children) as HTMLElement[]) {
    const height = parseInt(row.style.height, 10);
    let x = padding;
    for (const run of Array.from(row.children) as HTMLElement[]) {
      x += parseInt(run.style.marginLeft || '0', 10);
      const width = parseInt(run.style.width, 10);
      const [r, g, b] = (run.style.backgroundColor.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      for (let dy = 0; dy < height; dy++) {
        for (let dx = 0; dx < width; dx++) {
          const i = ((y + dy) * side + x + dx) * 4;
          data[i] = r;
          data[i + 1] = g;
          data[i + 2] = b;
        }
      }
      x += width;
    }
    y += height;
  }
  return { data, width: side, height: side };
}

function render(payload: string, ink: string, availablePx = 300): HTMLElement {
  document.body.innerHTML = renderToStaticMarkup(
    <QrCode payload={payload} ink={ink} availablePx={availablePx} label="Health code QR, green" />,
  );
  return document.querySelector('[data-testid="qr-code"]') as HTMLElement;
}

describe('buildQrRows', () => {
  it('describes every module of every row exactly once', () => {
    const { size, rows } = buildQrRows(TOKEN);
    expect(rows).toHaveLength(size);
    for (const runs of rows) expect(runs.reduce((n, run) => n + run.length, 0)).toBe(size);
    // Finder pattern: the first row starts with 7 dark modules.
    expect(rows[0][0]).toEqual({ dark: true, length: 7 });
  });

  it('draws only dark runs, so far fewer nodes than modules are rendered', () => {
    const { size, rows } = buildQrRows(TOKEN);
    const nodes = rows.reduce((n, r) => n + inkSegments(r).length, 0);
    expect(nodes).toBeLessThan((size * size) / 3);
  });

  it('turns light runs into gaps before the next dark run', () => {
    expect(
      inkSegments([
        { dark: false, length: 2 },
        { dark: true, length: 3 },
        { dark: false, length: 1 },
        { dark: true, length: 1 },
        { dark: false, length: 4 },
      ]),
    ).toEqual([
      { gap: 2, length: 3 },
      { gap: 1, length: 1 },
    ]);
  });

  it('refuses payloads the ES build cannot encode', () => {
    expect(() => buildQrRows('')).toThrow();
    expect(() => buildQrRows('健康码')).toThrow();
  });
});

describe('qrCellSize', () => {
  it('uses whole pixels that fit the width with the quiet zone', () => {
    expect(qrCellSize(61, 272)).toBe(3);
    expect(qrCellSize(61, 300)).toBe(4);
    expect(qrCellSize(21, 1000)).toBe(8);
    expect(qrCellSize(177, 100)).toBe(2);
  });
});

describe('<QrCode>', () => {
  it('is labelled for assistive technology', () => {
    const root = render(TOKEN, codeColors.green.qrInk);
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe('Health code QR, green');
  });

  it.each(['green', 'yellow', 'red'] as const)(
    'renders a %s code that a scanner decodes back to the token',
    (color) => {
      const root = render(TOKEN, codeColors[color].qrInk);
      const { size } = buildQrRows(TOKEN);
      const cell = qrCellSize(size, 300);
      expect(root.style.width).toBe(`${(size + 2 * QR_QUIET_ZONE) * cell}px`);
      const image = rasterize(root);
      expect(jsQR(image.data, image.width, image.height)?.data).toBe(TOKEN);
    },
  );

  it('still decodes at the smallest phone width (320 px screen)', () => {
    const root = render(TOKEN, codeColors.green.qrInk, 320 - 48);
    const image = rasterize(root);
    expect(image.width).toBeLessThanOrEqual(272);
    expect(jsQR(image.data, image.width, image.height)?.data).toBe(TOKEN);
  });
});
