import { MigrationInterface, QueryRunner } from "typeorm";

export class BotQuotes1795784524876 implements MigrationInterface {
    name = 'BotQuotes1795784524876'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
                "pending_quote" jsonb,
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
        `);
        await queryRunner.query(`
            DROP INDEX "bot_settings_tenant_uq"
        `);
        // Existing bots get the built-in price phrases, as a new tenant's are seeded.
        await queryRunner.query(`
            CREATE TABLE "temporary_bot_settings" (
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
                "price_keywords" jsonb NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_bot_settings"(
                    "tenant_id",
                    "id",
                    "match_threshold",
                    "timezone",
                    "business_hours",
                    "handoff_keywords",
                    "default_locale",
                    "llm",
                    "llm_api_key_sealed",
                    "llm_api_key_hint",
                    "version",
                    "updated_at",
                    "price_keywords"
                )
            SELECT "tenant_id",
                "id",
                "match_threshold",
                "timezone",
                "business_hours",
                "handoff_keywords",
                "default_locale",
                "llm",
                "llm_api_key_sealed",
                "llm_api_key_hint",
                "version",
                "updated_at",
                '{"en":["how much","price","prices","pricing","cost","costs"],"ru":["сколько","почём","почем","цена","цену","цены","стоимость","стоимости","стоит","стоят"]}'
            FROM "bot_settings"
        `);
        await queryRunner.query(`
            DROP TABLE "bot_settings"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_bot_settings"
                RENAME TO "bot_settings"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_settings_tenant_uq" ON "bot_settings" ("tenant_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "bot_settings_tenant_uq"
        `);
        await queryRunner.query(`
            ALTER TABLE "bot_settings"
                RENAME TO "temporary_bot_settings"
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
            INSERT INTO "bot_settings"(
                    "tenant_id",
                    "id",
                    "match_threshold",
                    "timezone",
                    "business_hours",
                    "handoff_keywords",
                    "default_locale",
                    "llm",
                    "llm_api_key_sealed",
                    "llm_api_key_hint",
                    "version",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "match_threshold",
                "timezone",
                "business_hours",
                "handoff_keywords",
                "default_locale",
                "llm",
                "llm_api_key_sealed",
                "llm_api_key_hint",
                "version",
                "updated_at"
            FROM "temporary_bot_settings"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_bot_settings"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "bot_settings_tenant_uq" ON "bot_settings" ("tenant_id")
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
                CONSTRAINT "FK_ffd675f2717353bb9345898949c" FOREIGN KEY ("tenant_id", "channel_id") REFERENCES "channels" ("tenant_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION,
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
            CREATE INDEX "conversations_unsummarized_idx" ON "conversations" ("last_message_at")
            WHERE summarized_at IS NULL
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
    }

}
