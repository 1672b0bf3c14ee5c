import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

const TENANT_TABLES = ["jobs", "job_upload_chunks", "activities", "contacts", "contact_identities", "pipelines", "stages", "leads", "lead_tags", "scoring_rules", "tasks"];

export class Crm1795763099388 implements MigrationInterface {
    name = 'Crm1795763099388'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "jobs" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "type" character varying(40) NOT NULL,
                "status" character varying(16) NOT NULL,
                "progress" integer NOT NULL DEFAULT '0',
                "processed" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL,
                "result" jsonb NOT NULL,
                "params" jsonb NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0bee3a0c71d8edd06da8dda797b" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "jobs_tenant_created_idx" ON "jobs" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "job_upload_chunks" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "job_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_868af4d8422cc6f942363311df7" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "job_upload_chunks_job_uq" ON "job_upload_chunks" ("tenant_id", "job_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "activities" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "lead_id" uuid,
                "contact_id" uuid,
                "type" character varying(24) NOT NULL,
                "data" jsonb NOT NULL,
                "actor_type" character varying(16) NOT NULL,
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_387902d4bc4832dff84c7b29382" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "activities_contact_idx" ON "activities" ("tenant_id", "contact_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "activities_lead_idx" ON "activities" ("tenant_id", "lead_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "contacts" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(200),
                "email" character varying(320),
                "phone" character varying(20),
                "locale" character varying(16),
                "attributes" jsonb NOT NULL,
                "merged_into_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_00fd315b15bf24d066c67246661" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "contacts_tenant_phone_idx" ON "contacts" ("tenant_id", "phone")
        `);
        await queryRunner.query(`
            CREATE INDEX "contacts_tenant_email_idx" ON "contacts" ("tenant_id", "email")
        `);
        await queryRunner.query(`
            CREATE INDEX "contacts_tenant_created_idx" ON "contacts" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "contact_identities" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "contact_id" uuid NOT NULL,
                "channel" character varying(16) NOT NULL,
                "platform_user_id" character varying(200) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_30c22ea9bf1bd52ff180723011d" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "contact_identities_platform_uq" ON "contact_identities" ("tenant_id", "channel", "platform_user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pipelines" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "is_default" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_08cfa3729b332297c29ebfbefd7" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "pipelines_tenant_created_idx" ON "pipelines" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "stages" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "pipeline_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "position" integer NOT NULL,
                "probability" integer NOT NULL,
                "kind" character varying(8) NOT NULL,
                CONSTRAINT "PK_96a50b1bf0448d761ec89cb7a4b" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "stages_pipeline_idx" ON "stages" ("tenant_id", "pipeline_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "contact_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "value_minor" bigint NOT NULL,
                "currency" character varying(3) NOT NULL,
                "source" character varying(16) NOT NULL,
                "pipeline_id" uuid NOT NULL,
                "stage_id" uuid NOT NULL,
                "status" character varying(8) NOT NULL,
                "lost_reason" character varying(500),
                "score" integer NOT NULL DEFAULT '0',
                "assignee_id" uuid,
                "tags" jsonb NOT NULL,
                "expected_close_date" date,
                "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "inbound_messages" integer NOT NULL DEFAULT '0',
                "quote_requested_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_dc152f699a1163e55f5c7002c8e" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_contact_idx" ON "leads" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_assignee_idx" ON "leads" ("tenant_id", "assignee_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_stage_idx" ON "leads" ("tenant_id", "stage_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_value_idx" ON "leads" ("tenant_id", "value_minor", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_score_idx" ON "leads" ("tenant_id", "score", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_updated_idx" ON "leads" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_created_idx" ON "leads" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "lead_tags" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "tag" character varying(50) NOT NULL,
                "lead_id" uuid NOT NULL,
                CONSTRAINT "PK_b5c315f36340d24f39f7dbf2743" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "lead_tags_lead_idx" ON "lead_tags" ("tenant_id", "lead_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "lead_tags_tag_uq" ON "lead_tags" ("tenant_id", "tag", "lead_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "scoring_rules" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "signals" jsonb NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_fe822d6158e22a35dfc74d17e18" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "scoring_rules_tenant_uq" ON "scoring_rules" ("tenant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "tasks" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "lead_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "assignee_id" uuid,
                "status" character varying(8) NOT NULL,
                "reminder_offset_minutes" integer,
                "reminder_at" TIMESTAMP WITH TIME ZONE,
                "reminded_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_dfb75fc41a01bbbfe7a8ea10a5f" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "tasks_reminder_pending_idx" ON "tasks" ("reminder_at")
            WHERE reminded_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "tasks_status_due_idx" ON "tasks" ("tenant_id", "status", "due_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "tasks_lead_idx" ON "tasks" ("tenant_id", "lead_id", "due_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "tasks_assignee_idx" ON "tasks" ("tenant_id", "assignee_id", "status", "due_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_identities"
            ADD CONSTRAINT "FK_84845fcba4c4f5e433f3c8dcf88" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "contacts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "stages"
            ADD CONSTRAINT "FK_382fa0fd948681e4d521ed17190" FOREIGN KEY ("tenant_id", "pipeline_id") REFERENCES "pipelines"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_d81bb4ee93b9c1bf00cffbaeb83" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "contacts"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_c8f70dcd85e6df38b17c5426f68" FOREIGN KEY ("tenant_id", "stage_id") REFERENCES "stages"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_tags"
            ADD CONSTRAINT "FK_a9083e97689e182a339aaf68fa2" FOREIGN KEY ("tenant_id", "lead_id") REFERENCES "leads"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, table);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, table);
        await queryRunner.query(`
            ALTER TABLE "lead_tags" DROP CONSTRAINT "FK_a9083e97689e182a339aaf68fa2"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_c8f70dcd85e6df38b17c5426f68"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_d81bb4ee93b9c1bf00cffbaeb83"
        `);
        await queryRunner.query(`
            ALTER TABLE "stages" DROP CONSTRAINT "FK_382fa0fd948681e4d521ed17190"
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_identities" DROP CONSTRAINT "FK_84845fcba4c4f5e433f3c8dcf88"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."tasks_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."tasks_lead_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."tasks_status_due_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."tasks_reminder_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "tasks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."scoring_rules_tenant_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "scoring_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."lead_tags_tag_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."lead_tags_lead_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "lead_tags"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_score_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_value_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_stage_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."leads_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."stages_pipeline_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "stages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."pipelines_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "pipelines"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."contact_identities_platform_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."contact_identities_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_identities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."contacts_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."contacts_tenant_email_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."contacts_tenant_phone_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "contacts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."activities_lead_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."activities_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "activities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."job_upload_chunks_job_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "job_upload_chunks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."jobs_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "jobs"
        `);
    }

}
