import { MigrationInterface, QueryRunner } from "typeorm";
import { databaseRoles, MIGRATION_TOOLKIT, newId } from "@saler/platform";

const TENANT_TABLES = ["catalog_body_types", "catalog_brands", "catalog_models", "catalog_model_terms", "catalog_categories", "catalog_options", "catalog_availability", "catalog_base_prices", "catalog_model_prices", "catalog_option_prices"];
/** The body types every tenant starts with (CatalogTenantProvisioner gives them to new tenants; this, to the tenants that exist). */
const DEFAULT_BODY_TYPES = ["sedan", "suv", "minivan", "hatchback", "wagon", "coupe", "pickup"];

export class Catalog1795767169564 implements MigrationInterface {
    name = 'Catalog1795767169564'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "catalog_body_types" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(50) NOT NULL,
                "name_key" character varying(50) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_443e438480e597130458cb68b63" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "name_key" character varying(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_e27e046630da396ffea02bff961" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "brand_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "name_key" character varying(100) NOT NULL,
                "aliases" jsonb NOT NULL,
                "body_type_id" uuid NOT NULL,
                "year_from" integer,
                "year_to" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_991bea67d88bd6678ee6c156aaf" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "name_key" character varying(100) NOT NULL,
                "description" character varying(1000),
                "active" boolean NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b053866d8be8b0c2c1879879b8c" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "model_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "available" boolean NOT NULL,
                "note" character varying(500),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_1b1d8d35e8f4f20a1db0cc9d59d" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "body_type_id" uuid NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" character varying(3) NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_a37c1beb0c0276923f2a3472266" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "model_id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" character varying(3) NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_2fa5bb3e70684f1823938d30ffc" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "model_id" uuid NOT NULL,
                "term" character varying(300) NOT NULL,
                CONSTRAINT "PK_921fc6976fc0bcad840b1bb1e23" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_terms_model_idx" ON "catalog_model_terms" ("tenant_id", "model_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "catalog_options" (
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "category_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "name_key" character varying(100) NOT NULL,
                "description" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b733fedd744efacd135f312cbf7" PRIMARY KEY ("tenant_id", "id")
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
                "tenant_id" uuid NOT NULL,
                "id" uuid NOT NULL,
                "option_id" uuid NOT NULL,
                "amount_minor" bigint NOT NULL,
                "currency" character varying(3) NOT NULL,
                "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_9bdaca235748a5c5885963ee28c" PRIMARY KEY ("tenant_id", "id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "catalog_option_prices_tenant_created_idx" ON "catalog_option_prices" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "catalog_option_prices_key_uq" ON "catalog_option_prices" ("tenant_id", "option_id", "valid_from")
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_models"
            ADD CONSTRAINT "FK_6e47e1d244e1613429cccd64182" FOREIGN KEY ("tenant_id", "brand_id") REFERENCES "catalog_brands"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_models"
            ADD CONSTRAINT "FK_13535b8869aaf6a864e02e35ad0" FOREIGN KEY ("tenant_id", "body_type_id") REFERENCES "catalog_body_types"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_availability"
            ADD CONSTRAINT "FK_a74781b645b232e232fda1ad852" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_availability"
            ADD CONSTRAINT "FK_b927807b6412443ce6745bc1ba3" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_base_prices"
            ADD CONSTRAINT "FK_fd99d045f95bc21467cc43ebcb7" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_base_prices"
            ADD CONSTRAINT "FK_5bfdc1f370f739a587fef98a986" FOREIGN KEY ("tenant_id", "body_type_id") REFERENCES "catalog_body_types"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_prices"
            ADD CONSTRAINT "FK_8b03e09250d53076de983887a11" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_prices"
            ADD CONSTRAINT "FK_3ed830112feb5e964d6b5627600" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_terms"
            ADD CONSTRAINT "FK_68f7948a2e2908ce7a3a63629ba" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_options"
            ADD CONSTRAINT "FK_bd679e880b48d5c9284d42d47f2" FOREIGN KEY ("tenant_id", "category_id") REFERENCES "catalog_categories"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_option_prices"
            ADD CONSTRAINT "FK_ef2fb51ab1adc93f3a212089de1" FOREIGN KEY ("tenant_id", "option_id") REFERENCES "catalog_options"("tenant_id", "id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        // Typo-tolerant model search: pg_trgm similarity over a GIN index of the search terms that leads with
        // tenant_id (btree_gin), so a search reads only its tenant's entries. The entity declares this index
        // with synchronize: false, so TypeORM neither drops it nor reports it as drift. Both extensions are
        // trusted (a database owner may create them) and stay on revert: other contexts may use them.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
        await queryRunner.query(`
            CREATE INDEX "catalog_model_terms_term_trgm_idx" ON "catalog_model_terms" USING gin ("tenant_id", "term" gin_trgm_ops)
        `);
        // Under row-level security PostgreSQL may not use a non-LEAKPROOF operator such as pg_trgm's % as an
        // index condition (it must not see rows before the policy has), so the application role could never use
        // the index above. The ranking therefore runs in a SECURITY DEFINER function owned by the system role
        // (BYPASSRLS) that reads only the tenant of the caller's transaction (app.tenant_id, set by the unit of
        // work; no tenant parameter) and returns model ids and scores only. Planned per call (EXECUTE … USING)
        // with a higher cpu_tuple_cost, so the planner weighs computing similarity for every row of a tenant
        // against the GIN lookup it would otherwise underrate. 0.2 is SEARCH_MIN_SCORE of libs/catalog.
        const { app, system } = databaseRoles();
        await queryRunner.query(`
            CREATE FUNCTION saler_catalog_model_matches(p_key text, p_limit integer)
            RETURNS TABLE (model_id uuid, score real)
            LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            SET pg_trgm.similarity_threshold = 0.2
            SET cpu_tuple_cost = 0.05
            AS $$
            DECLARE
                v_tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
            BEGIN
                RETURN QUERY EXECUTE
                    'SELECT t.model_id, max(similarity(t.term, $1)) AS score
                       FROM catalog_model_terms t
                      WHERE t.tenant_id = $2 AND t.term % $1
                      GROUP BY t.model_id
                      ORDER BY score DESC, t.model_id
                      LIMIT $3'
                    USING p_key, v_tenant, p_limit;
            END
            $$
        `);
        await queryRunner.query(`ALTER FUNCTION saler_catalog_model_matches(text, integer) OWNER TO "${system}"`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION saler_catalog_model_matches(text, integer) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION saler_catalog_model_matches(text, integer) TO "${app}"`);
        // Tenants registered before this migration get the default body types too (before RLS is forced on the table).
        const tenants: { id: string }[] = await queryRunner.query(`SELECT id FROM "tenants"`);
        for (const { id: tenantId } of tenants) {
            for (const name of DEFAULT_BODY_TYPES) {
                await queryRunner.query(`INSERT INTO "catalog_body_types" ("tenant_id", "id", "name", "name_key", "created_at") VALUES ($1, $2, $3, $3, now())`, [tenantId, newId(), name]);
            }
        }
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, table);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of TENANT_TABLES) await MIGRATION_TOOLKIT.undoTenantTable(queryRunner, table);
        await queryRunner.query(`DROP FUNCTION saler_catalog_model_matches(text, integer)`);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_model_terms_term_trgm_idx"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_option_prices" DROP CONSTRAINT "FK_ef2fb51ab1adc93f3a212089de1"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_options" DROP CONSTRAINT "FK_bd679e880b48d5c9284d42d47f2"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_terms" DROP CONSTRAINT "FK_68f7948a2e2908ce7a3a63629ba"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_prices" DROP CONSTRAINT "FK_3ed830112feb5e964d6b5627600"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_model_prices" DROP CONSTRAINT "FK_8b03e09250d53076de983887a11"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_base_prices" DROP CONSTRAINT "FK_5bfdc1f370f739a587fef98a986"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_base_prices" DROP CONSTRAINT "FK_fd99d045f95bc21467cc43ebcb7"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_availability" DROP CONSTRAINT "FK_b927807b6412443ce6745bc1ba3"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_availability" DROP CONSTRAINT "FK_a74781b645b232e232fda1ad852"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_models" DROP CONSTRAINT "FK_13535b8869aaf6a864e02e35ad0"
        `);
        await queryRunner.query(`
            ALTER TABLE "catalog_models" DROP CONSTRAINT "FK_6e47e1d244e1613429cccd64182"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_option_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_option_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_option_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_options_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_options_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_options"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_model_terms_model_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_terms"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_model_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_model_prices_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_model_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_model_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_base_prices_key_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_base_prices_body_type_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_base_prices_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_base_prices"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_availability_pair_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_availability_category_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_availability_tenant_updated_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_availability"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_categories_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_categories_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_categories"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_models_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_models_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_models_body_type_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_models"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_brands_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_brands_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_brands"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_body_types_name_uq"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."catalog_body_types_tenant_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "catalog_body_types"
        `);
    }

}
