import type { CardSize } from '@healthcode/contracts';

/** Points (1/72 inch) per paper size, and the type sizes and QR width that fit it. */
export interface CardLayout {
  readonly size: CardSize;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly title: number;
  readonly name: number;
  readonly body: number;
  /** Width of the QR code including its 4-module quiet zone. */
  readonly qr: number;
}

const LAYOUTS: Record<CardSize, CardLayout> = {
  // ISO 216: A4 is 210 × 297 mm, A6 105 × 148 mm.
  A4: { size: 'A4', width: 595.28, height: 841.89, margin: 56, title: 22, name: 16, body: 11, qr: 300 },
  A6: { size: 'A6', width: 297.64, height: 419.53, margin: 16, title: 11, name: 10, body: 6.5, qr: 170 },
};

export function cardLayout(size: CardSize): CardLayout {
  return LAYOUTS[size];
}

/** Top-left corner and module size of a QR of `modules` modules centred horizontally at `top`. */
export function qrPlacement(
  layout: CardLayout,
  modules: number,
  top: number,
): { x: number; y: number; module: number } {
  const module = layout.qr / (modules + 8);
  return { x: (layout.width - layout.qr) / 2 + 4 * module, y: top + 4 * module, module };
}
