import { MigrationInterface, QueryRunner } from "typeorm";

export class LoginFailures1795491746832 implements MigrationInterface {
    name = 'LoginFailures1795491746832'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "login_failures" (
                "id" uuid NOT NULL,
                "email" character varying(320) NOT NULL,
                "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "login_failures_email_idx" ON "login_failures" ("email", "failed_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."login_failures_email_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "login_failures"
        `);
    }

}
