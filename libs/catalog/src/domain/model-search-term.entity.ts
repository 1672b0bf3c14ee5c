import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Model } from './model.entity';

export const MODEL_TERMS_TRGM_INDEX = 'catalog_model_terms_term_trgm_idx';

/**
 * One search key a model is found by (see modelSearchTerms): derived data, rewritten whenever the
 * model or its brand changes. On PostgreSQL the table is hash-partitioned by tenant_id and (tenant_id,
 * term) has a GIN index (btree_gin + pg_trgm gin_trgm_ops) with a pending list of at most 64 kB (see the
 * Catalog, CatalogSearchTuning and CatalogSearchPartitions migrations); TypeORM can describe neither the
 * partitions nor an operator-class index, so the index is declared here with
 * `synchronize: false`: the schema builder neither creates nor drops it, and `migration:check`
 * does not report it as drift.
 */
@Entity({ name: 'catalog_model_terms' })
@Index('catalog_model_terms_model_idx', ['tenantId', 'modelId'])
@Index(MODEL_TERMS_TRGM_INDEX, { synchronize: false })
export class ModelSearchTerm extends TenantOwnedEntity {
  @Column({ name: 'model_id', type: 'uuid' })
  modelId: string;

  @Column({ type: 'varchar', length: 300 })
  term: string;

  @ManyToOne(() => Model, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'model_id', referencedColumnName: 'id' },
  ])
  model?: Model;
}
