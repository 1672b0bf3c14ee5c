import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

export class IdempotencyKeys1795500000000 implements MigrationInterface {
    name = 'IdempotencyKeys1795500000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "actor_key" character varying(64) NOT NULL,
                "key" character varying(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "status" character varying(16) NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_d70748bffc86638782d5f576c40" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "idempotency_keys_actor_key_uq" ON "idempotency_keys" ("tenant_id", "actor_key", "key")
        `);
        // saler_app and saler_system get SELECT, INSERT, UPDATE, DELETE from the default privileges of Init.
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "idempotency_keys");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "idempotency_keys");
        await queryRunner.query(`
            DROP INDEX "public"."idempotency_keys_actor_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."idempotency_keys_expires_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    }

}
