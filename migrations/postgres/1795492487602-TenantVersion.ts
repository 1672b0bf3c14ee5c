import { MigrationInterface, QueryRunner } from "typeorm";

export class TenantVersion1795492487602 implements MigrationInterface {
    name = 'TenantVersion1795492487602'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "tenants"
            ADD "version" integer NOT NULL DEFAULT '1'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "tenants" DROP COLUMN "version"
        `);
    }

}
