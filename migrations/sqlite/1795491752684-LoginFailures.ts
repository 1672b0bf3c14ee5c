import { MigrationInterface, QueryRunner } from "typeorm";

export class LoginFailures1795491752684 implements MigrationInterface {
    name = 'LoginFailures1795491752684'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "login_failures" (
                "id" varchar PRIMARY KEY NOT NULL,
                "email" varchar(320) NOT NULL,
                "failed_at" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "login_failures_email_idx" ON "login_failures" ("email", "failed_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "login_failures_email_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "login_failures"
        `);
    }

}
