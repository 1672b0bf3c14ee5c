import { MigrationInterface, QueryRunner } from 'typeorm';
import { MIGRATION_TOOLKIT } from '@saler/platform';

/** Test-only: creates `notes` as a tenant table with the same toolkit call real migrations use. */
export class CreateNotesTable9999999999999 implements MigrationInterface {
  name = 'CreateNotesTable9999999999999';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const [uuid, timestamp] = postgres ? ['uuid', 'timestamptz'] : ['varchar', 'datetime'];
    await queryRunner.query(`CREATE TABLE "notes" (
      "tenant_id" ${uuid} NOT NULL,
      "id" ${uuid} NOT NULL,
      "body" text NOT NULL,
      "relayed_at" ${timestamp},
      "created_at" ${timestamp} NOT NULL,
      PRIMARY KEY ("tenant_id", "id"))`);
    await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, 'notes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notes"`);
  }
}
