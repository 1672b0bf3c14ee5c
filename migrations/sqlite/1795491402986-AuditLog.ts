import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1795491402986 implements MigrationInterface {
    name = 'AuditLog1795491402986'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "seq" integer NOT NULL,
                "occurred_at" datetime NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar(64),
                "action" varchar(100) NOT NULL,
                "entity_type" varchar(60),
                "entity_id" varchar(64),
                "before" jsonb,
                "after" jsonb,
                "ip" varchar(64),
                "user_agent" varchar(400),
                "request_id" varchar(128) NOT NULL,
                "prev_hash" varchar(64) NOT NULL,
                "hash" varchar(64) NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
        // Append-only: SQLite refuses any change or removal of an entry.
        await queryRunner.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END`);
        await queryRunner.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_log_no_delete`);
        await queryRunner.query(`DROP TRIGGER audit_log_no_update`);
        await queryRunner.query(`
            DROP INDEX "audit_log_tenant_seq_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "audit_log_tenant_occurred_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "audit_log_tenant_entity_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
