import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

export class Invitations1795491978625 implements MigrationInterface {
    name = 'Invitations1795491978625'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "email" character varying(320) NOT NULL,
                "role" character varying(16) NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "invited_by" uuid,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b0ba2d8d46d4f9f1e4035b1d87b" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "invitations");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "invitations");
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    }

}
