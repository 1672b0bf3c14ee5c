import { MigrationInterface, QueryRunner } from "typeorm";

export class Crm1795763108462 implements MigrationInterface {
    name = 'Crm1795763108462'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "jobs" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "type" varchar(40) NOT NULL,
                "status" varchar(16) NOT NULL,
                "progress" integer NOT NULL DEFAULT (0),
                "processed" integer NOT NULL DEFAULT (0),
                "failed" integer NOT NULL DEFAULT (0),
                "errors" jsonb NOT NULL,
                "result" jsonb NOT NULL,
                "params" jsonb NOT NULL,
                "created_by" varchar,
                "created_at" datetime NOT NULL,
                "started_at" datetime,
                "finished_at" datetime,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "jobs_tenant_created_idx" ON "jobs" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "job_upload_chunks" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "job_id" varchar NOT NULL,
                "seq" integer NOT NULL,
                "data" blob NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "job_upload_chunks_job_uq" ON "job_upload_chunks" ("tenant_id", "job_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "activities" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "lead_id" varchar,
                "contact_id" varchar,
                "type" varchar(24) NOT NULL,
                "data" jsonb NOT NULL,
                "actor_type" varchar(16) NOT NULL,
                "actor_id" varchar,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(200),
                "email" varchar(320),
                "phone" varchar(20),
                "locale" varchar(16),
                "attributes" jsonb NOT NULL,
                "merged_into_id" varchar,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                "deleted_at" datetime,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "channel" varchar(16) NOT NULL,
                "platform_user_id" varchar(200) NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "is_default" boolean NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "pipelines_tenant_created_idx" ON "pipelines" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "stages" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "position" integer NOT NULL,
                "probability" integer NOT NULL,
                "kind" varchar(8) NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "stages_pipeline_idx" ON "stages" ("tenant_id", "pipeline_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "title" varchar(200) NOT NULL,
                "value_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "source" varchar(16) NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "stage_id" varchar NOT NULL,
                "status" varchar(8) NOT NULL,
                "lost_reason" varchar(500),
                "score" integer NOT NULL DEFAULT (0),
                "assignee_id" varchar,
                "tags" jsonb NOT NULL,
                "expected_close_date" date,
                "last_activity_at" datetime NOT NULL,
                "inbound_messages" integer NOT NULL DEFAULT (0),
                "quote_requested_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "tag" varchar(50) NOT NULL,
                "lead_id" varchar NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "signals" jsonb NOT NULL,
                "version" integer NOT NULL DEFAULT (1),
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "scoring_rules_tenant_uq" ON "scoring_rules" ("tenant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "tasks" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "title" varchar(200) NOT NULL,
                "lead_id" varchar,
                "due_at" datetime NOT NULL,
                "assignee_id" varchar,
                "status" varchar(8) NOT NULL,
                "reminder_offset_minutes" integer,
                "reminder_at" datetime,
                "reminded_at" datetime,
                "completed_at" datetime,
                "created_by" varchar,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
            DROP INDEX "contact_identities_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "contact_identities_platform_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_contact_identities" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "channel" varchar(16) NOT NULL,
                "platform_user_id" varchar(200) NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_84845fcba4c4f5e433f3c8dcf88" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "contacts" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_contact_identities"(
                    "tenant_id",
                    "id",
                    "contact_id",
                    "channel",
                    "platform_user_id",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "contact_id",
                "channel",
                "platform_user_id",
                "created_at"
            FROM "contact_identities"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_identities"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_contact_identities"
                RENAME TO "contact_identities"
        `);
        await queryRunner.query(`
            CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "contact_identities_platform_uq" ON "contact_identities" ("tenant_id", "channel", "platform_user_id")
        `);
        await queryRunner.query(`
            DROP INDEX "stages_pipeline_idx"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_stages" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "position" integer NOT NULL,
                "probability" integer NOT NULL,
                "kind" varchar(8) NOT NULL,
                CONSTRAINT "FK_382fa0fd948681e4d521ed17190" FOREIGN KEY ("tenant_id", "pipeline_id") REFERENCES "pipelines" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_stages"(
                    "tenant_id",
                    "id",
                    "pipeline_id",
                    "name",
                    "position",
                    "probability",
                    "kind"
                )
            SELECT "tenant_id",
                "id",
                "pipeline_id",
                "name",
                "position",
                "probability",
                "kind"
            FROM "stages"
        `);
        await queryRunner.query(`
            DROP TABLE "stages"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_stages"
                RENAME TO "stages"
        `);
        await queryRunner.query(`
            CREATE INDEX "stages_pipeline_idx" ON "stages" ("tenant_id", "pipeline_id", "position")
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_stage_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_value_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_score_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_created_idx"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_leads" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "title" varchar(200) NOT NULL,
                "value_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "source" varchar(16) NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "stage_id" varchar NOT NULL,
                "status" varchar(8) NOT NULL,
                "lost_reason" varchar(500),
                "score" integer NOT NULL DEFAULT (0),
                "assignee_id" varchar,
                "tags" jsonb NOT NULL,
                "expected_close_date" date,
                "last_activity_at" datetime NOT NULL,
                "inbound_messages" integer NOT NULL DEFAULT (0),
                "quote_requested_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_d81bb4ee93b9c1bf00cffbaeb83" FOREIGN KEY ("tenant_id", "contact_id") REFERENCES "contacts" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "FK_c8f70dcd85e6df38b17c5426f68" FOREIGN KEY ("tenant_id", "stage_id") REFERENCES "stages" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_leads"(
                    "tenant_id",
                    "id",
                    "contact_id",
                    "title",
                    "value_minor",
                    "currency",
                    "source",
                    "pipeline_id",
                    "stage_id",
                    "status",
                    "lost_reason",
                    "score",
                    "assignee_id",
                    "tags",
                    "expected_close_date",
                    "last_activity_at",
                    "inbound_messages",
                    "quote_requested_at",
                    "version",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "contact_id",
                "title",
                "value_minor",
                "currency",
                "source",
                "pipeline_id",
                "stage_id",
                "status",
                "lost_reason",
                "score",
                "assignee_id",
                "tags",
                "expected_close_date",
                "last_activity_at",
                "inbound_messages",
                "quote_requested_at",
                "version",
                "created_at",
                "updated_at"
            FROM "leads"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_leads"
                RENAME TO "leads"
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
            DROP INDEX "lead_tags_lead_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "lead_tags_tag_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_lead_tags" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "tag" varchar(50) NOT NULL,
                "lead_id" varchar NOT NULL,
                CONSTRAINT "FK_a9083e97689e182a339aaf68fa2" FOREIGN KEY ("tenant_id", "lead_id") REFERENCES "leads" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_lead_tags"("tenant_id", "id", "tag", "lead_id")
            SELECT "tenant_id",
                "id",
                "tag",
                "lead_id"
            FROM "lead_tags"
        `);
        await queryRunner.query(`
            DROP TABLE "lead_tags"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_lead_tags"
                RENAME TO "lead_tags"
        `);
        await queryRunner.query(`
            CREATE INDEX "lead_tags_lead_idx" ON "lead_tags" ("tenant_id", "lead_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "lead_tags_tag_uq" ON "lead_tags" ("tenant_id", "tag", "lead_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "lead_tags_tag_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "lead_tags_lead_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "lead_tags"
                RENAME TO "temporary_lead_tags"
        `);
        await queryRunner.query(`
            CREATE TABLE "lead_tags" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "tag" varchar(50) NOT NULL,
                "lead_id" varchar NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "lead_tags"("tenant_id", "id", "tag", "lead_id")
            SELECT "tenant_id",
                "id",
                "tag",
                "lead_id"
            FROM "temporary_lead_tags"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_lead_tags"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "lead_tags_tag_uq" ON "lead_tags" ("tenant_id", "tag", "lead_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "lead_tags_lead_idx" ON "lead_tags" ("tenant_id", "lead_id")
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_score_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_value_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_stage_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_contact_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
                RENAME TO "temporary_leads"
        `);
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "title" varchar(200) NOT NULL,
                "value_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "source" varchar(16) NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "stage_id" varchar NOT NULL,
                "status" varchar(8) NOT NULL,
                "lost_reason" varchar(500),
                "score" integer NOT NULL DEFAULT (0),
                "assignee_id" varchar,
                "tags" jsonb NOT NULL,
                "expected_close_date" date,
                "last_activity_at" datetime NOT NULL,
                "inbound_messages" integer NOT NULL DEFAULT (0),
                "quote_requested_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "leads"(
                    "tenant_id",
                    "id",
                    "contact_id",
                    "title",
                    "value_minor",
                    "currency",
                    "source",
                    "pipeline_id",
                    "stage_id",
                    "status",
                    "lost_reason",
                    "score",
                    "assignee_id",
                    "tags",
                    "expected_close_date",
                    "last_activity_at",
                    "inbound_messages",
                    "quote_requested_at",
                    "version",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "contact_id",
                "title",
                "value_minor",
                "currency",
                "source",
                "pipeline_id",
                "stage_id",
                "status",
                "lost_reason",
                "score",
                "assignee_id",
                "tags",
                "expected_close_date",
                "last_activity_at",
                "inbound_messages",
                "quote_requested_at",
                "version",
                "created_at",
                "updated_at"
            FROM "temporary_leads"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_leads"
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_created_idx" ON "leads" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_updated_idx" ON "leads" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_score_idx" ON "leads" ("tenant_id", "score", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_value_idx" ON "leads" ("tenant_id", "value_minor", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_stage_idx" ON "leads" ("tenant_id", "stage_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_assignee_idx" ON "leads" ("tenant_id", "assignee_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "leads_tenant_contact_idx" ON "leads" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            DROP INDEX "stages_pipeline_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "stages"
                RENAME TO "temporary_stages"
        `);
        await queryRunner.query(`
            CREATE TABLE "stages" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "pipeline_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "position" integer NOT NULL,
                "probability" integer NOT NULL,
                "kind" varchar(8) NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "stages"(
                    "tenant_id",
                    "id",
                    "pipeline_id",
                    "name",
                    "position",
                    "probability",
                    "kind"
                )
            SELECT "tenant_id",
                "id",
                "pipeline_id",
                "name",
                "position",
                "probability",
                "kind"
            FROM "temporary_stages"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_stages"
        `);
        await queryRunner.query(`
            CREATE INDEX "stages_pipeline_idx" ON "stages" ("tenant_id", "pipeline_id", "position")
        `);
        await queryRunner.query(`
            DROP INDEX "contact_identities_platform_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "contact_identities_contact_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "contact_identities"
                RENAME TO "temporary_contact_identities"
        `);
        await queryRunner.query(`
            CREATE TABLE "contact_identities" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "contact_id" varchar NOT NULL,
                "channel" varchar(16) NOT NULL,
                "platform_user_id" varchar(200) NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "contact_identities"(
                    "tenant_id",
                    "id",
                    "contact_id",
                    "channel",
                    "platform_user_id",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "contact_id",
                "channel",
                "platform_user_id",
                "created_at"
            FROM "temporary_contact_identities"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_contact_identities"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "contact_identities_platform_uq" ON "contact_identities" ("tenant_id", "channel", "platform_user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "contact_identities_contact_idx" ON "contact_identities" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            DROP INDEX "tasks_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "tasks_lead_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "tasks_status_due_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "tasks_reminder_pending_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "tasks"
        `);
        await queryRunner.query(`
            DROP INDEX "scoring_rules_tenant_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "scoring_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "lead_tags_tag_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "lead_tags_lead_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "lead_tags"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_score_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_value_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_stage_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_assignee_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "leads_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
        await queryRunner.query(`
            DROP INDEX "stages_pipeline_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "stages"
        `);
        await queryRunner.query(`
            DROP INDEX "pipelines_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "pipelines"
        `);
        await queryRunner.query(`
            DROP INDEX "contact_identities_platform_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "contact_identities_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "contact_identities"
        `);
        await queryRunner.query(`
            DROP INDEX "contacts_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "contacts_tenant_email_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "contacts_tenant_phone_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "contacts"
        `);
        await queryRunner.query(`
            DROP INDEX "activities_lead_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "activities_contact_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "activities"
        `);
        await queryRunner.query(`
            DROP INDEX "job_upload_chunks_job_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "job_upload_chunks"
        `);
        await queryRunner.query(`
            DROP INDEX "jobs_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "jobs"
        `);
    }

}
