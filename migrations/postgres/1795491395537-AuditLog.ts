import { MigrationInterface, QueryRunner } from "typeorm";
import { databaseRoles, MIGRATION_TOOLKIT } from "@saler/platform";

export class AuditLog1795491395537 implements MigrationInterface {
    name = 'AuditLog1795491395537'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" character varying(64),
                "action" character varying(100) NOT NULL,
                "entity_type" character varying(60),
                "entity_id" character varying(64),
                "before" jsonb,
                "after" jsonb,
                "ip" character varying(64),
                "user_agent" character varying(400),
                "request_id" character varying(128) NOT NULL,
                "prev_hash" character varying(64) NOT NULL,
                "hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_7265cf4ae3bb55c806e54e54364" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_log_tenant_entity_idx" ON "audit_log" ("tenant_id", "entity_type", "entity_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "audit_log_tenant_occurred_idx" ON "audit_log" ("tenant_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "audit_log_tenant_seq_uq" ON "audit_log" ("tenant_id", "seq")
        `);
        await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "audit_log");
        // Append-only: no role may change or remove an entry (the trigger holds even for the owner).
        const { app, system } = databaseRoles();
        await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM "${app}", "${system}"`);
        await queryRunner.query(`
            CREATE FUNCTION saler_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
            FOR EACH ROW EXECUTE FUNCTION saler_audit_log_append_only()
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION saler_audit_log_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
        await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION saler_audit_log_append_only()`);
        await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, "audit_log");
        await queryRunner.query(`
            DROP INDEX "public"."audit_log_tenant_seq_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_log_tenant_occurred_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."audit_log_tenant_entity_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
