import { MigrationInterface, QueryRunner } from "typeorm";
import { databaseRoles, MIGRATION_TOOLKIT } from "@saler/platform";

/** Hash partitions of catalog_model_terms; a tenant's terms all live in one. */
const PARTITIONS = 32;
const partition = (remainder: number) => `catalog_model_terms_h${String(remainder).padStart(2, "0")}`;

/** A table with the columns of catalog_model_terms under another name (`partitioning`: its PARTITION BY clause, or ""). */
async function createTermsTable(queryRunner: QueryRunner, table: string, partitioning: string): Promise<void> {
    await queryRunner.query(`
        CREATE TABLE "${table}" (
            "tenant_id" uuid NOT NULL,
            "id" uuid NOT NULL,
            "model_id" uuid NOT NULL,
            "term" character varying(300) NOT NULL,
            PRIMARY KEY ("tenant_id", "id")
        ) ${partitioning}
    `);
}

/** The name, primary key, indexes, foreign key and policy catalog_model_terms has had since the Catalog migration. */
async function finishTermsTable(queryRunner: QueryRunner, table: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${table}" RENAME TO "catalog_model_terms"`);
    await queryRunner.query(`ALTER TABLE "catalog_model_terms" RENAME CONSTRAINT "${table}_pkey" TO "PK_921fc6976fc0bcad840b1bb1e23"`);
    await queryRunner.query(`CREATE INDEX "catalog_model_terms_model_idx" ON "catalog_model_terms" ("tenant_id", "model_id")`);
    await queryRunner.query(`CREATE INDEX "catalog_model_terms_term_trgm_idx" ON "catalog_model_terms" USING gin ("tenant_id", "term" gin_trgm_ops) WITH (gin_pending_list_limit = 64)`);
    await queryRunner.query(`
        ALTER TABLE "catalog_model_terms"
        ADD CONSTRAINT "FK_68f7948a2e2908ce7a3a63629ba" FOREIGN KEY ("tenant_id", "model_id") REFERENCES "catalog_models"("tenant_id", "id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await MIGRATION_TOOLKIT.makeTenantTable(queryRunner, "catalog_model_terms");
}

/** Moves every term into `table` (created by the caller, not yet named catalog_model_terms) and drops the old table. */
async function replaceTermsTable(queryRunner: QueryRunner, table: string): Promise<void> {
    await queryRunner.query(`INSERT INTO "${table}" ("tenant_id", "id", "model_id", "term") SELECT "tenant_id", "id", "model_id", "term" FROM "catalog_model_terms"`);
    await queryRunner.query(`DROP TABLE "catalog_model_terms"`);
    await finishTermsTable(queryRunner, table);
}

/**
 * Model search that costs what one tenant's catalogue costs, at a higher minimum score.
 *
 * 1. catalog_model_terms is hash-partitioned by tenant_id (32 partitions). The GIN (tenant_id, term) index of one
 *    table intersects the tenant's entries with trigram posting lists that hold every tenant's terms, so a search
 *    got slower with every tenant added (20 tenants × 5,000 models: 1.1–2.8 ms in the index alone); per
 *    partition, it reads the few tenants hashed there (0.7–0.9 ms). The partitions are reached only through the
 *    table: its policy applies there, and neither role is granted a partition.
 *
 * 2. The minimum score is 0.3 (pg_trgm's own default threshold; SEARCH_MIN_SCORE of libs/catalog), not 0.2. At 0.2
 *    a short key matches by one trigram: "kaka" made the index hand over 3,223 terms to re-score, of which 595 passed
 *    and none was a useful answer; at 0.3 it hands over 1,611.
 *
 * 3. saler_catalog_model_search() replaces saler_catalog_model_matches(): it joins each match's model, brand and body
 *    type itself (as the system role, with no policy to evaluate on those tables either) and returns the rows the
 *    search shows, so the caller's statement plans nothing but the function call. Static SQL planned per call with
 *    its values (plan_cache_mode = force_custom_plan): the tenant picks the partition at plan time, and the key's
 *    trigrams are weighed against the index as before.
 */
export class CatalogSearchPartitions1795790000000 implements MigrationInterface {
    name = 'CatalogSearchPartitions1795790000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        const { app, system } = databaseRoles();
        await queryRunner.query(`DROP FUNCTION saler_catalog_model_matches(text, integer)`);
        await createTermsTable(queryRunner, "catalog_model_terms_partitioned", `PARTITION BY HASH ("tenant_id")`);
        for (let remainder = 0; remainder < PARTITIONS; remainder++) {
            await queryRunner.query(`CREATE TABLE "${partition(remainder)}" PARTITION OF "catalog_model_terms_partitioned" FOR VALUES WITH (MODULUS ${PARTITIONS}, REMAINDER ${remainder})`);
            await queryRunner.query(`REVOKE ALL ON "${partition(remainder)}" FROM "${app}", "${system}"`);
        }
        await replaceTermsTable(queryRunner, "catalog_model_terms_partitioned");
        await queryRunner.query(`
            CREATE FUNCTION saler_catalog_model_search(p_key text, p_limit integer)
            RETURNS TABLE (score real, id uuid, name varchar, aliases jsonb, "yearFrom" integer, "yearTo" integer,
                           "createdAt" timestamptz, "updatedAt" timestamptz, "brandId" uuid, "brandName" varchar,
                           "bodyTypeId" uuid, "bodyTypeName" varchar)
            LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            SET pg_trgm.similarity_threshold = 0.3
            SET cpu_tuple_cost = 0.05
            SET plan_cache_mode = force_custom_plan
            ROWS 10
            AS $$
            #variable_conflict use_column
            DECLARE
                v_tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
            BEGIN
                RETURN QUERY
                    SELECT r.score, m.id, m.name, m.aliases, m.year_from, m.year_to, m.created_at, m.updated_at,
                           b.id, b.name, bt.id, bt.name
                      FROM (SELECT t.model_id, max(similarity(t.term, p_key)) AS score
                              FROM catalog_model_terms t
                             WHERE t.tenant_id = v_tenant AND t.term % p_key
                             GROUP BY t.model_id
                             ORDER BY 2 DESC, t.model_id
                             LIMIT p_limit) r
                      JOIN catalog_models m ON m.tenant_id = v_tenant AND m.id = r.model_id
                      JOIN catalog_brands b ON b.tenant_id = v_tenant AND b.id = m.brand_id
                      JOIN catalog_body_types bt ON bt.tenant_id = v_tenant AND bt.id = m.body_type_id
                     ORDER BY r.score DESC, r.model_id;
            END
            $$
        `);
        await queryRunner.query(`ALTER FUNCTION saler_catalog_model_search(text, integer) OWNER TO "${system}"`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION saler_catalog_model_search(text, integer) FROM PUBLIC`);
        await queryRunner.query(`GRANT EXECUTE ON FUNCTION saler_catalog_model_search(text, integer) TO "${app}"`);
        await queryRunner.query(`ANALYZE "catalog_model_terms"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        const { app, system } = databaseRoles();
        await queryRunner.query(`DROP FUNCTION saler_catalog_model_search(text, integer)`);
        await createTermsTable(queryRunner, "catalog_model_terms_single", "");
        await replaceTermsTable(queryRunner, "catalog_model_terms_single");
        await queryRunner.query(`
            CREATE FUNCTION saler_catalog_model_matches(p_key text, p_limit integer)
            RETURNS TABLE (model_id uuid, score real)
            LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp
            SET pg_trgm.similarity_threshold = 0.2
            SET cpu_tuple_cost = 0.05
            ROWS 10
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
    }
}
