import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

/** FAQ matching needs pg_trgm (created by the Catalog migration); a few hundred FAQs per tenant need no trigram index. */

export class Knowledge1795770505644 implements MigrationInterface {
    name = 'Knowledge1795770505644'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "faqs" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "question" character varying(500) NOT NULL,
                "question_key" character varying(500) NOT NULL,
                "answer" character varying(4000) NOT NULL,
                "category" character varying(100),
                "locale" character varying(16),
                "status" character varying(16) NOT NULL,
                "hit_count" integer NOT NULL DEFAULT '0',
                "learned" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_c92ff0b74e660776634f3fdc1d6" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "faqs_tenant_status_idx" ON "faqs" ("tenant_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "faqs_tenant_created_idx" ON "faqs" ("tenant_id", "created_at", "id")
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "faqs");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "faqs");
        await queryRunner.query(`
            DROP INDEX "public"."faqs_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."faqs_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "faqs"
        `);
    }

}
