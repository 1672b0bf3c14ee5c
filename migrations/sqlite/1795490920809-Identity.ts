import { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795490920809 implements MigrationInterface {
    name = 'Identity1795490920809'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "tenants" (
                "id" varchar PRIMARY KEY NOT NULL,
                "slug" varchar(40) NOT NULL,
                "name" varchar(200) NOT NULL,
                "status" varchar(16) NOT NULL,
                "locale" varchar(16) NOT NULL,
                "timezone" varchar(64) NOT NULL,
                "retention_days" integer NOT NULL,
                "settings" jsonb NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "UQ_2310ecc5cb8be427097154b18fc" UNIQUE ("slug")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar PRIMARY KEY NOT NULL,
                "email" varchar(320) NOT NULL,
                "name" varchar(200) NOT NULL,
                "password_hash" varchar(200) NOT NULL,
                "is_platform_admin" boolean NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "user_id" varchar NOT NULL,
                "role" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "memberships_user_idx" ON "memberships" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "memberships_tenant_user_uq" ON "memberships" ("tenant_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "user_id" varchar NOT NULL,
                "family_id" varchar NOT NULL,
                "secret_hash" varchar(64) NOT NULL,
                "expires_at" datetime NOT NULL,
                "used_at" datetime,
                "revoked_at" datetime,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("tenant_id", "family_id")
        `);
        await queryRunner.query(`
            DROP INDEX "memberships_user_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "memberships_tenant_user_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_memberships" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "user_id" varchar NOT NULL,
                "role" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "memberships_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "memberships_user_fk" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_memberships"(
                    "tenant_id",
                    "id",
                    "user_id",
                    "role",
                    "status",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "user_id",
                "role",
                "status",
                "created_at"
            FROM "memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_memberships"
                RENAME TO "memberships"
        `);
        await queryRunner.query(`
            CREATE INDEX "memberships_user_idx" ON "memberships" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "memberships_tenant_user_uq" ON "memberships" ("tenant_id", "user_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "memberships_tenant_user_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "memberships_user_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
                RENAME TO "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "user_id" varchar NOT NULL,
                "role" varchar(16) NOT NULL,
                "status" varchar(16) NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "memberships"(
                    "tenant_id",
                    "id",
                    "user_id",
                    "role",
                    "status",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "user_id",
                "role",
                "status",
                "created_at"
            FROM "temporary_memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "memberships_tenant_user_uq" ON "memberships" ("tenant_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "memberships_user_idx" ON "memberships" ("user_id")
        `);
        await queryRunner.query(`
            DROP INDEX "refresh_tokens_family_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "memberships_tenant_user_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "memberships_user_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP TABLE "tenants"
        `);
    }

}
