import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

export class Init1795487890031 implements MigrationInterface {
    name = 'Init1795487890031'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.createRoles(queryRunner);
        await queryRunner.query(`
            CREATE TABLE "outbox" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "type" character varying(100) NOT NULL,
                "payload" jsonb NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" character varying(64),
                "request_id" character varying(128) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_e73f4dc2914267eb47f48ea28aa" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "outbox_pending_idx" ON "outbox" ("id")
            WHERE published_at IS NULL
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "outbox");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "outbox");
        await queryRunner.query(`
            DROP INDEX "public"."outbox_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox"
        `);
        await MIGRATION_TOOLKIT.dropRoleGrants(queryRunner);
    }

}
