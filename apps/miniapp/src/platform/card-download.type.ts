import type { CardSize } from '@healthcode/contracts';

/** Gets the resident's card PDF onto the device and shows or saves it (the host decides how). */
export interface CardDownloader {
  open(size: CardSize): Promise<void>;
}
