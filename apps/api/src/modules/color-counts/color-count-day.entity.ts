import type { Color } from '@healthcode/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The count of a region prefix and colour as it stood at the end of a CST day (the last write that day). */
@Entity('color_count_days')
export class ColorCountDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 6 })
  region!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  color!: Color;

  @Column({ type: 'int' })
  count!: number;
}
