import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

export class ApiKeys1795492269092 implements MigrationInterface {
    name = 'ApiKeys1795492269092'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "prefix" character varying(16) NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "created_by" uuid,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_63391bb25a8c6e1c50de701375f" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "api_keys");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "api_keys");
        await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    }

}
