import { cardLayout, qrPlacement } from './card-pdf-layout.util';

describe('cardLayout', () => {
  it('uses ISO 216 sizes in points', () => {
    expect(cardLayout('A4')).toMatchObject({ width: 595.28, height: 841.89 });
    expect(cardLayout('A6')).toMatchObject({ width: 297.64, height: 419.53 });
  });

  it('centres the QR with a four-module quiet zone inside the margins', () => {
    for (const size of ['A4', 'A6'] as const) {
      const layout = cardLayout(size);
      const { x, module } = qrPlacement(layout, 57, 100);
      expect(x - 4 * module).toBeCloseTo((layout.width - layout.qr) / 2);
      expect(x - 4 * module).toBeGreaterThanOrEqual(layout.margin);
      // A printed module stays above 0.5 mm (1.4 pt) so an ordinary scanner reads it.
      expect(module).toBeGreaterThan(1.4 * (size === 'A4' ? 2 : 1));
    }
  });
});
