import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Pipeline } from './pipeline.entity';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** One step of a pipeline. A lead's status is its stage's kind. */
@Entity({ name: 'stages' })
@Index('stages_pipeline_idx', ['tenantId', 'pipelineId', 'position'])
export class Stage extends TenantOwnedEntity {
  @Column({ name: 'pipeline_id', type: 'uuid' })
  pipelineId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 0-based order within the pipeline. */
  @Column({ type: 'integer' })
  position: number;

  /** Win probability, 0–100. */
  @Column({ type: 'integer' })
  probability: number;

  @Column({ type: 'varchar', length: 8 })
  kind: StageKind;

  @ManyToOne(() => Pipeline, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'pipeline_id', referencedColumnName: 'id' },
  ])
  pipeline?: Pipeline;
}
