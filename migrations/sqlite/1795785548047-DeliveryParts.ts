import { MigrationInterface, QueryRunner } from "typeorm";

export class DeliveryParts1795785548047 implements MigrationInterface {
    name = 'DeliveryParts1795785548047'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
                "delivery_parts_sent" integer NOT NULL DEFAULT (0),
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
                CONSTRAINT "FK_02b2b8e1e9b7d58f24b96107e5c" FOREIGN KEY ("tenant_id", "conversation_id") REFERENCES "conversations" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
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

}
