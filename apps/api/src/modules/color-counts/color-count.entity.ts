import type { Color } from '@healthcode/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Residents per colour for every region prefix ('' country, 2-digit province, 4-digit city, 6-digit district),
 * changed in the same transaction as the codes themselves, so statistics never scan residents.
 */
@Entity('color_counts')
export class ColorCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  region!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  color!: Color;

  @Column({ type: 'int' })
  count!: number;
}
