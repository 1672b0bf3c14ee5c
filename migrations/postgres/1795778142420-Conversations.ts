import { MigrationInterface, QueryRunner } from "typeorm";
import { MIGRATION_TOOLKIT } from "@saler/platform";

const TENANT_TABLES = ["channels", "conversations", "inbound_events", "messages", "bot_settings", "bot_texts"];

/** Channels, conversations, messages and inbound-event dedupe (conversations); bot texts and settings (knowledge). channel_routes is global: a webhook finds its tenant through it. */

export class Conversations1795778142420 implements MigrationInterface {
    name = 'Conversations1795778142420'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "channel_routes" (
                "channel_id" uuid NOT NULL,
                "tenant_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "public_key" character varying(64),
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_dd320d3bcfaeef0bf1cb995b791" PRIMARY KEY ("channel_id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "channel_routes_public_key_uq" ON "channel_routes" ("public_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "channels" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "name" character varying(200) NOT NULL,
                "credentials_sealed" text,
                "credential_hints" jsonb NOT NULL,
                "settings" jsonb NOT NULL,
                "public_key" character varying(64),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c63783aac8d32f4262bbcf85360" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "channels_tenant_created_idx" ON "channels" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversations" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "thread_id" character varying(200) NOT NULL,
                "contact_id" uuid NOT NULL,
                "lead_id" uuid,
                "contact_name" character varying(200),
                "status" character varying(16) NOT NULL,
                "bot_enabled" boolean NOT NULL DEFAULT true,
                "assignee_id" uuid,
                "locale" character varying(16),
                "message_count" integer NOT NULL DEFAULT '0',
                "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_inbound_at" TIMESTAMP WITH TIME ZONE,
                "first_response_at" TIMESTAMP WITH TIME ZONE,
                "first_response_ms" integer,
                "summary" text,
                "summarized_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_968c510dea89abd741229bc5c7c" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_unsummarized_idx" ON "conversations" ("last_message_at")
            WHERE summarized_at IS NULL
                OR summarized_at < last_message_at
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_contact_idx" ON "conversations" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_status_idx" ON "conversations" ("tenant_id", "status", "last_message_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_last_message_idx" ON "conversations" ("tenant_id", "last_message_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "conversations_thread_uq" ON "conversations" ("tenant_id", "channel_id", "thread_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "inbound_events" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "event_key" character varying(200) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_adba7240732a73d33862f66b9da" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "inbound_events_received_idx" ON "inbound_events" ("tenant_id", "received_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "inbound_events_key_uq" ON "inbound_events" ("tenant_id", "channel_id", "event_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "messages" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "conversation_id" uuid NOT NULL,
                "channel_id" uuid NOT NULL,
                "direction" character varying(8) NOT NULL,
                "sender_type" character varying(8) NOT NULL,
                "sender_id" uuid,
                "content_type" character varying(16) NOT NULL,
                "text" text,
                "attachments" jsonb NOT NULL,
                "platform_message_id" character varying(200),
                "delivery_status" character varying(16),
                "delivery_error" character varying(1000),
                "delivery_attempts" integer NOT NULL DEFAULT '0',
                "delivery_updated_at" TIMESTAMP WITH TIME ZONE,
                "reply_to_id" uuid,
                "latency_ms" integer,
                "from_faq" boolean NOT NULL DEFAULT false,
                "faq_id" uuid,
                "faq_score" real,
                "motion" character varying(32),
                "bot_steps" jsonb,
                "reply_token" character varying(200),
                "platform_sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_9a97da372be358c3f7455f4b882" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "messages_queued_idx" ON "messages" ("delivery_updated_at")
            WHERE delivery_status = 'queued'
        `);
        await queryRunner.query(`
            CREATE INDEX "messages_conversation_idx" ON "messages" (
                "tenant_id",
                "conversation_id",
                "created_at",
                "id"
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "messages_platform_id_uq" ON "messages" (
                "tenant_id",
                "channel_id",
                "direction",
                "platform_message_id"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "bot_settings" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "match_threshold" real NOT NULL,
                "timezone" character varying(64) NOT NULL,
                "business_hours" jsonb,
                "handoff_keywords" jsonb NOT NULL,
                "default_locale" character varying(16) NOT NULL,
                "llm" jsonb,
                "llm_api_key_sealed" text,
                "llm_api_key_hint" character varying(8),
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_071434b836adecc63fdcaf7fc6a" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_settings_tenant_uq" ON "bot_settings" ("tenant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "bot_texts" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "key" character varying(32) NOT NULL,
                "locale" character varying(16) NOT NULL,
                "text" character varying(2000) NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_65a34f2763d2cf1af38b491a3a2" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_texts_key_uq" ON "bot_texts" ("tenant_id", "key", "locale")
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
            ADD CONSTRAINT "FK_ffd675f2717353bb9345898949c" FOREIGN KEY ("tenant_id", "channel_id") REFERENCES "channels"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_02b2b8e1e9b7d58f24b96107e5c" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, table);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, table);
        await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_02b2b8e1e9b7d58f24b96107e5c"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations" DROP CONSTRAINT "FK_ffd675f2717353bb9345898949c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."bot_texts_key_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "bot_texts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."bot_settings_tenant_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "bot_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."messages_platform_id_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."messages_conversation_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."messages_queued_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."inbound_events_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."inbound_events_received_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "inbound_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversations_thread_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversations_tenant_last_message_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversations_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversations_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."conversations_unsummarized_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "conversations"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."channels_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "channels"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."channel_routes_public_key_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "channel_routes"
        `);
    }

}
