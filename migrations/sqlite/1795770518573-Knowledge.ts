import { MigrationInterface, QueryRunner } from "typeorm";

export class Knowledge1795770518573 implements MigrationInterface {
    name = 'Knowledge1795770518573'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "faqs" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "question" varchar(500) NOT NULL,
                "question_key" varchar(500) NOT NULL,
                "answer" varchar(4000) NOT NULL,
                "category" varchar(100),
                "locale" varchar(16),
                "status" varchar(16) NOT NULL,
                "hit_count" integer NOT NULL DEFAULT (0),
                "learned" boolean NOT NULL DEFAULT (0),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "faqs_tenant_status_idx" ON "faqs" ("tenant_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "faqs_tenant_created_idx" ON "faqs" ("tenant_id", "created_at", "id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "faqs_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "faqs_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "faqs"
        `);
    }

}
