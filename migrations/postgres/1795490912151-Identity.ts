import { MigrationInterface, QueryRunner } from "typeorm";
import { databaseRoles, MIGRATION_TOOLKIT } from "@saler/platform";

export class Identity1795490912151 implements MigrationInterface {
    name = 'Identity1795490912151'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "tenants" (
                "id" uuid NOT NULL,
                "slug" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                "status" character varying(16) NOT NULL,
                "locale" character varying(16) NOT NULL,
                "timezone" character varying(64) NOT NULL,
                "retention_days" integer NOT NULL,
                "settings" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "UQ_2310ecc5cb8be427097154b18fc" UNIQUE ("slug"),
                CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL,
                "email" character varying(320) NOT NULL,
                "name" character varying(200) NOT NULL,
                "password_hash" character varying(200) NOT NULL,
                "is_platform_admin" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_a45f644207a2d1d3fd36a2c9047" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_2bebd22f16e68b57c9e1f5fe7d9" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("tenant_id", "family_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "memberships_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "memberships_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "memberships");
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "refresh_tokens");
        // The deliberate cross-tenant path for login and /me: one user's memberships, nothing else.
        // Owned by the BYPASSRLS system role, callable by the application role.
        const { app, system } = databaseRoles();
        await queryRunner.query(`
            CREATE FUNCTION saler_user_memberships(p_user_id uuid)
            RETURNS TABLE (tenant_id uuid, tenant_slug varchar, tenant_name varchar, tenant_status varchar, role varchar, status varchar, created_at timestamptz)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                SELECT m.tenant_id, t.slug, t.name, t.status, m.role, m.status, m.created_at
                  FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                 WHERE m.user_id = p_user_id
                 ORDER BY m.created_at, m.id
            $$
        `);
        await queryRunner.query(`ALTER FUNCTION saler_user_memberships(uuid) OWNER TO "${system}"`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION saler_user_memberships(uuid) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION saler_user_memberships(uuid) TO "${app}"`);
    }
    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP FUNCTION saler_user_memberships(uuid)`);
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "refresh_tokens");
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "memberships");
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_fk"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships" DROP CONSTRAINT "memberships_tenant_fk"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_family_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."memberships_tenant_user_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."memberships_user_idx"
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
