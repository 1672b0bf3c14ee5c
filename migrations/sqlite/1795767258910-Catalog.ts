import { MigrationInterface, QueryRunner } from "typeorm";
import { newId } from "@saler/platform";

/** The body types every tenant starts with (CatalogTenantProvisioner gives them to new tenants; this, to the tenants that exist). */
const DEFAULT_BODY_TYPES = ["sedan", "suv", "minivan", "hatchback", "wagon", "coupe", "pickup"];

export class Catalog1795767258910 implements MigrationInterface {
    name = 'Catalog1795767258910'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "catalog_body_types" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(50) NOT NULL,
                "name_key" varchar(50) NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_body_types_tenant_created_idx" ON "catalog_body_types" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_body_types_name_uq" ON "catalog_body_types" ("tenant_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_brands" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_brands_tenant_created_idx" ON "catalog_brands" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_brands_name_uq" ON "catalog_brands" ("tenant_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_models" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "brand_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "body_type_id" varchar NOT NULL,
                "year_from" integer,
                "year_to" integer,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_body_type_idx" ON "catalog_models" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_tenant_created_idx" ON "catalog_models" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_models_name_uq" ON "catalog_models" ("tenant_id", "brand_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_categories" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "description" varchar(1000),
                "active" boolean NOT NULL,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_categories_tenant_created_idx" ON "catalog_categories" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_categories_name_uq" ON "catalog_categories" ("tenant_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_availability" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "available" boolean NOT NULL,
                "note" varchar(500),
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_tenant_updated_idx" ON "catalog_availability" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_category_idx" ON "catalog_availability" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_availability_pair_uq" ON "catalog_availability" ("tenant_id", "model_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_base_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "body_type_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_tenant_created_idx" ON "catalog_base_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_body_type_idx" ON "catalog_base_prices" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_base_prices_key_uq" ON "catalog_base_prices" (
                "tenant_id",
                "category_id",
                "body_type_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_model_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_tenant_created_idx" ON "catalog_model_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_category_idx" ON "catalog_model_prices" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_model_prices_key_uq" ON "catalog_model_prices" (
                "tenant_id",
                "model_id",
                "category_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_model_terms" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "term" varchar(300) NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_terms_model_idx" ON "catalog_model_terms" ("tenant_id", "model_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_options" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "description" varchar(1000),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_options_tenant_created_idx" ON "catalog_options" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_options_name_uq" ON "catalog_options" ("tenant_id", "category_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_option_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "option_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_option_prices_tenant_created_idx" ON "catalog_option_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_option_prices_key_uq" ON "catalog_option_prices" ("tenant_id", "option_id", "valid_from")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_body_type_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_name_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_models" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "brand_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "body_type_id" varchar NOT NULL,
                "year_from" integer,
                "year_to" integer,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_6e47e1d244e1613429cccd64182" FOREIGN KEY ("tenant_id", "brand_id") REFERENCES "catalog_brands" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "FK_13535b8869aaf6a864e02e35ad0" FOREIGN KEY ("tenant_id", "body_type_id") REFERENCES "catalog_body_types" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_models"(
                    "tenant_id",
                    "id",
                    "brand_id",
                    "name",
                    "name_key",
                    "aliases",
                    "body_type_id",
                    "year_from",
                    "year_to",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "brand_id",
                "name",
                "name_key",
                "aliases",
                "body_type_id",
                "year_from",
                "year_to",
                "created_at",
                "updated_at"
            FROM "catalog_models"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_models"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_models"
                RENAME TO "catalog_models"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_body_type_idx" ON "catalog_models" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_tenant_created_idx" ON "catalog_models" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_models_name_uq" ON "catalog_models" ("tenant_id", "brand_id", "name_key")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_pair_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_availability" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "available" boolean NOT NULL,
                "note" varchar(500),
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_a74781b645b232e232fda1ad852" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_b927807b6412443ce6745bc1ba3" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_availability"(
                    "tenant_id",
                    "id",
                    "model_id",
                    "category_id",
                    "available",
                    "note",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "model_id",
                "category_id",
                "available",
                "note",
                "updated_at"
            FROM "catalog_availability"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_availability"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_availability"
                RENAME TO "catalog_availability"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_tenant_updated_idx" ON "catalog_availability" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_category_idx" ON "catalog_availability" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_availability_pair_uq" ON "catalog_availability" ("tenant_id", "model_id", "category_id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_body_type_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_key_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_base_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "body_type_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_fd99d045f95bc21467cc43ebcb7" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "FK_5bfdc1f370f739a587fef98a986" FOREIGN KEY ("tenant_id", "body_type_id") REFERENCES "catalog_body_types" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_base_prices"(
                    "tenant_id",
                    "id",
                    "category_id",
                    "body_type_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "category_id",
                "body_type_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "catalog_base_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_base_prices"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_base_prices"
                RENAME TO "catalog_base_prices"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_tenant_created_idx" ON "catalog_base_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_body_type_idx" ON "catalog_base_prices" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_base_prices_key_uq" ON "catalog_base_prices" (
                "tenant_id",
                "category_id",
                "body_type_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_key_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_model_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_8b03e09250d53076de983887a11" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "FK_3ed830112feb5e964d6b5627600" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_model_prices"(
                    "tenant_id",
                    "id",
                    "model_id",
                    "category_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "model_id",
                "category_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "catalog_model_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_prices"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_model_prices"
                RENAME TO "catalog_model_prices"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_tenant_created_idx" ON "catalog_model_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_category_idx" ON "catalog_model_prices" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_model_prices_key_uq" ON "catalog_model_prices" (
                "tenant_id",
                "model_id",
                "category_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_terms_model_idx"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_model_terms" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "term" varchar(300) NOT NULL,
                CONSTRAINT "FK_68f7948a2e2908ce7a3a63629ba" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models" ("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_model_terms"("tenant_id", "id", "model_id", "term")
            SELECT "tenant_id",
                "id",
                "model_id",
                "term"
            FROM "catalog_model_terms"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_terms"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_model_terms"
                RENAME TO "catalog_model_terms"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_terms_model_idx" ON "catalog_model_terms" ("tenant_id", "model_id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_name_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_options" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "description" varchar(1000),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                CONSTRAINT "FK_bd679e880b48d5c9284d42d47f2" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_options"(
                    "tenant_id",
                    "id",
                    "category_id",
                    "name",
                    "name_key",
                    "description",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "category_id",
                "name",
                "name_key",
                "description",
                "created_at",
                "updated_at"
            FROM "catalog_options"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_options"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_options"
                RENAME TO "catalog_options"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_options_tenant_created_idx" ON "catalog_options" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_options_name_uq" ON "catalog_options" ("tenant_id", "category_id", "name_key")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_key_uq"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_catalog_option_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "option_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                CONSTRAINT "FK_ef2fb51ab1adc93f3a212089de1" FOREIGN KEY ("tenant_id", "option_id") REFERENCES "catalog_options" ("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_catalog_option_prices"(
                    "tenant_id",
                    "id",
                    "option_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "option_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "catalog_option_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_option_prices"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_catalog_option_prices"
                RENAME TO "catalog_option_prices"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_option_prices_tenant_created_idx" ON "catalog_option_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_option_prices_key_uq" ON "catalog_option_prices" ("tenant_id", "option_id", "valid_from")
        `);
        // Tenants registered before this migration get the default body types too. SQLite has no pg_trgm:
        // model search computes trigram similarity in the process instead (no index needed).
        const tenants: { id: string }[] = await queryRunner.query(`SELECT id FROM "tenants"`);
        for (const { id: tenantId } of tenants) {
            for (const name of DEFAULT_BODY_TYPES) {
                await queryRunner.query(`INSERT INTO "catalog_body_types" ("tenant_id", "id", "name", "name_key", "created_at") VALUES (?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now'))`, [tenantId, newId(), name, name]);
            }
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_option_prices"
                RENAME TO "temporary_catalog_option_prices"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_option_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "option_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_option_prices"(
                    "tenant_id",
                    "id",
                    "option_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "option_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "temporary_catalog_option_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_option_prices"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_option_prices_key_uq" ON "catalog_option_prices" ("tenant_id", "option_id", "valid_from")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_option_prices_tenant_created_idx" ON "catalog_option_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_tenant_created_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_options"
                RENAME TO "temporary_catalog_options"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_options" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "description" varchar(1000),
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_options"(
                    "tenant_id",
                    "id",
                    "category_id",
                    "name",
                    "name_key",
                    "description",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "category_id",
                "name",
                "name_key",
                "description",
                "created_at",
                "updated_at"
            FROM "temporary_catalog_options"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_options"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_options_name_uq" ON "catalog_options" ("tenant_id", "category_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_options_tenant_created_idx" ON "catalog_options" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_terms_model_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_terms"
                RENAME TO "temporary_catalog_model_terms"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_model_terms" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "term" varchar(300) NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_model_terms"("tenant_id", "id", "model_id", "term")
            SELECT "tenant_id",
                "id",
                "model_id",
                "term"
            FROM "temporary_catalog_model_terms"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_model_terms"
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_terms_model_idx" ON "catalog_model_terms" ("tenant_id", "model_id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_prices"
                RENAME TO "temporary_catalog_model_prices"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_model_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_model_prices"(
                    "tenant_id",
                    "id",
                    "model_id",
                    "category_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "model_id",
                "category_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "temporary_catalog_model_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_model_prices"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_model_prices_key_uq" ON "catalog_model_prices" (
                "tenant_id",
                "model_id",
                "category_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_category_idx" ON "catalog_model_prices" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_prices_tenant_created_idx" ON "catalog_model_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_body_type_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_base_prices"
                RENAME TO "temporary_catalog_base_prices"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_base_prices" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "body_type_id" varchar NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" varchar(3) NOT NULL,
                "valid_from" datetime NOT NULL,
                "created_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_base_prices"(
                    "tenant_id",
                    "id",
                    "category_id",
                    "body_type_id",
                    "amount_minor",
                    "currency",
                    "valid_from",
                    "created_at"
                )
            SELECT "tenant_id",
                "id",
                "category_id",
                "body_type_id",
                "amount_minor",
                "currency",
                "valid_from",
                "created_at"
            FROM "temporary_catalog_base_prices"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_base_prices"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_base_prices_key_uq" ON "catalog_base_prices" (
                "tenant_id",
                "category_id",
                "body_type_id",
                "valid_from"
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_body_type_idx" ON "catalog_base_prices" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_base_prices_tenant_created_idx" ON "catalog_base_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_pair_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_tenant_updated_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_availability"
                RENAME TO "temporary_catalog_availability"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_availability" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "model_id" varchar NOT NULL,
                "category_id" varchar NOT NULL,
                "available" boolean NOT NULL,
                "note" varchar(500),
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_availability"(
                    "tenant_id",
                    "id",
                    "model_id",
                    "category_id",
                    "available",
                    "note",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "model_id",
                "category_id",
                "available",
                "note",
                "updated_at"
            FROM "temporary_catalog_availability"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_availability"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_availability_pair_uq" ON "catalog_availability" ("tenant_id", "model_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_category_idx" ON "catalog_availability" ("tenant_id", "category_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_availability_tenant_updated_idx" ON "catalog_availability" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_body_type_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_models"
                RENAME TO "temporary_catalog_models"
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_models" (
                "tenant_id" varchar NOT NULL,
                "id" varchar NOT NULL,
                "brand_id" varchar NOT NULL,
                "name" varchar(100) NOT NULL,
                "name_key" varchar(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "body_type_id" varchar NOT NULL,
                "year_from" integer,
                "year_to" integer,
                "created_at" datetime NOT NULL,
                "updated_at" datetime NOT NULL,
                PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "catalog_models"(
                    "tenant_id",
                    "id",
                    "brand_id",
                    "name",
                    "name_key",
                    "aliases",
                    "body_type_id",
                    "year_from",
                    "year_to",
                    "created_at",
                    "updated_at"
                )
            SELECT "tenant_id",
                "id",
                "brand_id",
                "name",
                "name_key",
                "aliases",
                "body_type_id",
                "year_from",
                "year_to",
                "created_at",
                "updated_at"
            FROM "temporary_catalog_models"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_catalog_models"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_models_name_uq" ON "catalog_models" ("tenant_id", "brand_id", "name_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_tenant_created_idx" ON "catalog_models" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_models_body_type_idx" ON "catalog_models" ("tenant_id", "body_type_id")
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_option_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_option_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_options_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_options"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_terms_model_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_terms"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_model_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_body_type_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_base_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_base_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_pair_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_availability_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_availability"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_categories_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_categories_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_categories"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_models_body_type_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_models"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_brands_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_brands_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_brands"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_body_types_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "catalog_body_types_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_body_types"
        `);
    }

}
