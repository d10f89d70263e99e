import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Human-friendly sequential numbers ("appeal #12"), handed out under a row lock. */
@Entity('appeal_counters')
export class AppealCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'int', unsigned: true })
  value!: number;
}
