import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hand-written: TypeORM's generated SQLite version rebuilds "tenants", and dropping the old
 * table would cascade-delete every membership (foreign keys are on). ADD COLUMN changes it in place.
 */
export class TenantVersion1795492495657 implements MigrationInterface {
    name = 'TenantVersion1795492495657'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tenants" ADD COLUMN "version" integer NOT NULL DEFAULT (1)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "version"`);
    }
}
