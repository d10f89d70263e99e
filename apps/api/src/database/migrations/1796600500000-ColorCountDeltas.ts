import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The colour counters' outbox (issue #16): code writes append here; a fold moves the sums into color_counts. */
export class ColorCountDeltas1796600500000 implements MigrationInterface {
  name = 'ColorCountDeltas1796600500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`color_count_deltas\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`region\` varchar(6) NOT NULL, \`day\` date NOT NULL, \`color\` varchar(8) NOT NULL, \`delta\` int NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`color_count_deltas\``);
  }
}
