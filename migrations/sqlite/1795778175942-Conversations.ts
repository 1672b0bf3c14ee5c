import { MigrationInterface, QueryRunner } from "typeorm";

export class Conversations1795778175942 implements MigrationInterface {
    name = 'Conversations1795778175942'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "channel_routes" (
                "channel_id" varchar PRIMARY KEY NOT NULL,
                "tenant_id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "public_key" varchar(64),
                "active" boolean NOT NULL DEFAULT (1)
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "channel_routes_public_key_uq" ON "channel_routes" ("public_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "channels" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "type" varchar(16) NOT NULL,
                "name" varchar(200) NOT NULL,
                "credentials_sealed" text,
                "credential_hints" jsonb NOT NULL,
                "settings" jsonb NOT NULL,
                "public_key" varchar(64),
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                "deleted_at" datetime,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "channels_tenant_created_idx" ON "channels" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "conversations" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "thread_id" varchar(200) NOT NULL,
                "contact_id" varchar NOT NULL,
                "lead_id" varchar,
                "contact_name" varchar(200),
                "status" varchar(16) NOT NULL,
                "bot_enabled" boolean NOT NULL DEFAULT (1),
                "assignee_id" varchar,
                "locale" varchar(16),
                "message_count" integer NOT NULL DEFAULT (0),
                "last_message_at" datetime NOT NULL,
                "last_inbound_at" datetime,
                "first_response_at" datetime,
                "first_response_ms" integer,
                "summary" text,
                "summarized_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "event_key" varchar(200) NOT NULL,
                "received_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "conversation_id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "direction" varchar(8) NOT NULL,
                "sender_type" varchar(8) NOT NULL,
                "sender_id" varchar,
                "content_type" varchar(16) NOT NULL,
                "text" text,
                "attachments" jsonb NOT NULL,
                "platform_message_id" varchar(200),
                "delivery_status" varchar(16),
                "delivery_error" varchar(1000),
                "delivery_attempts" integer NOT NULL DEFAULT (0),
                "delivery_updated_at" datetime,
                "reply_to_id" varchar,
                "latency_ms" integer,
                "from_faq" boolean NOT NULL DEFAULT (0),
                "faq_id" varchar,
                "faq_score" real,
                "motion" varchar(32),
                "bot_steps" jsonb,
                "reply_token" varchar(200),
                "platform_sent_at" datetime,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "match_threshold" real NOT NULL,
                "timezone" varchar(64) NOT NULL,
                "business_hours" jsonb,
                "handoff_keywords" jsonb NOT NULL,
                "default_locale" varchar(16) NOT NULL,
                "llm" jsonb,
                "llm_api_key_sealed" text,
                "llm_api_key_hint" varchar(8),
                "version" integer NOT NULL DEFAULT (1),
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_settings_tenant_uq" ON "bot_settings" ("tenant_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "bot_texts" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "key" varchar(32) NOT NULL,
                "locale" varchar(16) NOT NULL,
                "text" varchar(2000) NOT NULL,
                "version" integer NOT NULL DEFAULT (1),
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_texts_key_uq" ON "bot_texts" ("tenant_id", "key", "locale")
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_unsummarized_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_last_message_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_thread_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_conversations" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "thread_id" varchar(200) NOT NULL,
                "contact_id" varchar NOT NULL,
                "lead_id" varchar,
                "contact_name" varchar(200),
                "status" varchar(16) NOT NULL,
                "bot_enabled" boolean NOT NULL DEFAULT (1),
                "assignee_id" varchar,
                "locale" varchar(16),
                "message_count" integer NOT NULL DEFAULT (0),
                "last_message_at" datetime NOT NULL,
                "last_inbound_at" datetime,
                "first_response_at" datetime,
                "first_response_ms" integer,
                "summary" text,
                "summarized_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_ffd675f2717353bb9345898949c" FOREIGN KEY ("tenant_id", "channel_id") REFERENCES "channels" ("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_conversations"(
                    "tenant_id",
                    "id",
                    "channel_id",
                    "thread_id",
                    "contact_id",
                    "lead_id",
                    "contact_name",
                    "status",
                    "bot_enabled",
                    "assignee_id",
                    "locale",
                    "message_count",
                    "last_message_at",
                    "last_inbound_at",
                    "first_response_at",
                    "first_response_ms",
                    "summary",
                    "summarized_at",
                    "version",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "channel_id",
                "thread_id",
                "contact_id",
                "lead_id",
                "contact_name",
                "status",
                "bot_enabled",
                "assignee_id",
                "locale",
                "message_count",
                "last_message_at",
                "last_inbound_at",
                "first_response_at",
                "first_response_ms",
                "summary",
                "summarized_at",
                "version",
                "created_at",
                "updated_at"
            FROM "conversations"
        `);
        await queryRunner.query(`
            DROP TABLE "conversations"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_conversations"
                RENAME TO "conversations"
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
            DROP INDEX "messages_queued_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_conversation_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_platform_id_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_messages" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "conversation_id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "direction" varchar(8) NOT NULL,
                "sender_type" varchar(8) NOT NULL,
                "sender_id" varchar,
                "content_type" varchar(16) NOT NULL,
                "text" text,
                "attachments" jsonb NOT NULL,
                "platform_message_id" varchar(200),
                "delivery_status" varchar(16),
                "delivery_error" varchar(1000),
                "delivery_attempts" integer NOT NULL DEFAULT (0),
                "delivery_updated_at" datetime,
                "reply_to_id" varchar,
                "latency_ms" integer,
                "from_faq" boolean NOT NULL DEFAULT (0),
                "faq_id" varchar,
                "faq_score" real,
                "motion" varchar(32),
                "bot_steps" jsonb,
                "reply_token" varchar(200),
                "platform_sent_at" datetime,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_02b2b8e1e9b7d58f24b96107e5c" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_messages"(
                    "tenant_id",
                    "id",
                    "conversation_id",
                    "channel_id",
                    "direction",
                    "sender_type",
                    "sender_id",
                    "content_type",
                    "text",
                    "attachments",
                    "platform_message_id",
                    "delivery_status",
                    "delivery_error",
                    "delivery_attempts",
                    "delivery_updated_at",
                    "reply_to_id",
                    "latency_ms",
                    "from_faq",
                    "faq_id",
                    "faq_score",
                    "motion",
                    "bot_steps",
                    "reply_token",
                    "platform_sent_at",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "conversation_id",
                "channel_id",
                "direction",
                "sender_type",
                "sender_id",
                "content_type",
                "text",
                "attachments",
                "platform_message_id",
                "delivery_status",
                "delivery_error",
                "delivery_attempts",
                "delivery_updated_at",
                "reply_to_id",
                "latency_ms",
                "from_faq",
                "faq_id",
                "faq_score",
                "motion",
                "bot_steps",
                "reply_token",
                "platform_sent_at",
                "created_at"
            FROM "messages"
        `);
        await queryRunner.query(`
            DROP TABLE "messages"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_messages"
                RENAME TO "messages"
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "messages_platform_id_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_conversation_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_queued_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "messages"
                RENAME TO "temporary_messages"
        `);
        await queryRunner.query(`
            CREATE TABLE "messages" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "conversation_id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "direction" varchar(8) NOT NULL,
                "sender_type" varchar(8) NOT NULL,
                "sender_id" varchar,
                "content_type" varchar(16) NOT NULL,
                "text" text,
                "attachments" jsonb NOT NULL,
                "platform_message_id" varchar(200),
                "delivery_status" varchar(16),
                "delivery_error" varchar(1000),
                "delivery_attempts" integer NOT NULL DEFAULT (0),
                "delivery_updated_at" datetime,
                "reply_to_id" varchar,
                "latency_ms" integer,
                "from_faq" boolean NOT NULL DEFAULT (0),
                "faq_id" varchar,
                "faq_score" real,
                "motion" varchar(32),
                "bot_steps" jsonb,
                "reply_token" varchar(200),
                "platform_sent_at" datetime,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "messages"(
                    "tenant_id",
                    "id",
                    "conversation_id",
                    "channel_id",
                    "direction",
                    "sender_type",
                    "sender_id",
                    "content_type",
                    "text",
                    "attachments",
                    "platform_message_id",
                    "delivery_status",
                    "delivery_error",
                    "delivery_attempts",
                    "delivery_updated_at",
                    "reply_to_id",
                    "latency_ms",
                    "from_faq",
                    "faq_id",
                    "faq_score",
                    "motion",
                    "bot_steps",
                    "reply_token",
                    "platform_sent_at",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "conversation_id",
                "channel_id",
                "direction",
                "sender_type",
                "sender_id",
                "content_type",
                "text",
                "attachments",
                "platform_message_id",
                "delivery_status",
                "delivery_error",
                "delivery_attempts",
                "delivery_updated_at",
                "reply_to_id",
                "latency_ms",
                "from_faq",
                "faq_id",
                "faq_score",
                "motion",
                "bot_steps",
                "reply_token",
                "platform_sent_at",
                "created_at"
            FROM "temporary_messages"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_messages"
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
            CREATE INDEX "messages_conversation_idx" ON "messages" (
                "tenant_id",
                "conversation_id",
                "created_at",
                "id"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "messages_queued_idx" ON "messages" ("delivery_updated_at")
            WHERE delivery_status = 'queued'
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_thread_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_last_message_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_unsummarized_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "conversations"
                RENAME TO "temporary_conversations"
        `);
        await queryRunner.query(`
            CREATE TABLE "conversations" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "channel_id" varchar NOT NULL,
                "thread_id" varchar(200) NOT NULL,
                "contact_id" varchar NOT NULL,
                "lead_id" varchar,
                "contact_name" varchar(200),
                "status" varchar(16) NOT NULL,
                "bot_enabled" boolean NOT NULL DEFAULT (1),
                "assignee_id" varchar,
                "locale" varchar(16),
                "message_count" integer NOT NULL DEFAULT (0),
                "last_message_at" datetime NOT NULL,
                "last_inbound_at" datetime,
                "first_response_at" datetime,
                "first_response_ms" integer,
                "summary" text,
                "summarized_at" datetime,
                "version" integer NOT NULL DEFAULT (1),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "conversations"(
                    "tenant_id",
                    "id",
                    "channel_id",
                    "thread_id",
                    "contact_id",
                    "lead_id",
                    "contact_name",
                    "status",
                    "bot_enabled",
                    "assignee_id",
                    "locale",
                    "message_count",
                    "last_message_at",
                    "last_inbound_at",
                    "first_response_at",
                    "first_response_ms",
                    "summary",
                    "summarized_at",
                    "version",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "channel_id",
                "thread_id",
                "contact_id",
                "lead_id",
                "contact_name",
                "status",
                "bot_enabled",
                "assignee_id",
                "locale",
                "message_count",
                "last_message_at",
                "last_inbound_at",
                "first_response_at",
                "first_response_ms",
                "summary",
                "summarized_at",
                "version",
                "created_at",
                "updated_at"
            FROM "temporary_conversations"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_conversations"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "conversations_thread_uq" ON "conversations" ("tenant_id", "channel_id", "thread_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_last_message_idx" ON "conversations" ("tenant_id", "last_message_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_status_idx" ON "conversations" ("tenant_id", "status", "last_message_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_tenant_contact_idx" ON "conversations" ("tenant_id", "contact_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "conversations_unsummarized_idx" ON "conversations" ("last_message_at")
            WHERE summarized_at IS NULL
                OR summarized_at < last_message_at
        `);
        await queryRunner.query(`
            DROP INDEX "bot_texts_key_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "bot_texts"
        `);
        await queryRunner.query(`
            DROP INDEX "bot_settings_tenant_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "bot_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_platform_id_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_conversation_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "messages_queued_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "messages"
        `);
        await queryRunner.query(`
            DROP INDEX "inbound_events_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "inbound_events_received_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "inbound_events"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_thread_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_last_message_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_tenant_contact_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "conversations_unsummarized_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "conversations"
        `);
        await queryRunner.query(`
            DROP INDEX "channels_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "channels"
        `);
        await queryRunner.query(`
            DROP INDEX "channel_routes_public_key_uq"
        `);
        await queryRunner.query(`
            DROP TABLE "channel_routes"
        `);
    }

}
