import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Model search, tuned after the catalog benchmark (20 tenants × 5,000 models).
 *
 * A short GIN pending list: new search terms wait in an unsorted pending list that every search reads in full,
 * whatever its tenant, until a vacuum or gin_pending_list_limit (4 MB by default) merges it; after twenty imports a
 * search read 160 pending pages and took twice as long. 64 kB (the least allowed) bounds that to a few pages, while
 * imports keep adding terms in batches (fastupdate off would more than double the time they spend on the index).
 * The entries pending now are merged.
 *
 * ROWS 10 on saler_catalog_model_matches() (a search asks for 10 by default, 50 at most; the default estimate is
 * 1,000): the search joins each match's model, brand and body type in the same statement, by primary key.
 *
 * SQLite has neither (it ranks in process).
 */
export class CatalogSearchTuning1795779959280 implements MigrationInterface {
    name = 'CatalogSearchTuning1795779959280'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER INDEX "catalog_model_terms_term_trgm_idx" SET (gin_pending_list_limit = 64)`);
        await queryRunner.query(`SELECT gin_clean_pending_list('catalog_model_terms_term_trgm_idx'::regclass)`);
        await queryRunner.query(`ALTER FUNCTION saler_catalog_model_matches(text, integer) ROWS 10`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER FUNCTION saler_catalog_model_matches(text, integer) ROWS 1000`);
        await queryRunner.query(`ALTER INDEX "catalog_model_terms_term_trgm_idx" RESET (gin_pending_list_limit)`);
    }
}
