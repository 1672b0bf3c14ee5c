import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../database/tenant-owned.entity';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface JobRowError {
  /** 1-based line of the input file (the header is line 1). */
  line: number;
  message: string;
}

/** The first this many row errors are kept on a job; `failed` counts them all. */
export const MAX_JOB_ERRORS = 100;

/** Long work a client started and polls with GET /api/v1/jobs/{id}: an import, an export, a bulk change. */
@Entity({ name: 'jobs' })
@Index('jobs_tenant_created_idx', ['tenantId', 'createdAt', 'id'])
export class Job extends TenantOwnedEntity {
  /** What the job does, e.g. `import.leads`. */
  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  /** 0–100. */
  @Column({ type: 'integer', default: 0 })
  progress: number;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  @Column({ type: 'jsonb' })
  errors: JobRowError[];

  /** The job's own figures once done (e.g. contacts created, leads created). */
  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  /** The job's input options (column mapping, file name and size). */
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
