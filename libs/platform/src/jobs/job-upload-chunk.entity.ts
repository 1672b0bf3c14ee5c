import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../database/tenant-owned.entity';

/**
 * An uploaded file waits for its job as 1 MiB chunks in the database, so the api and any worker
 * replica reach it without a shared disk. The job deletes them when it finishes.
 */
@Entity({ name: 'job_upload_chunks' })
@Index('job_upload_chunks_job_uq', ['tenantId', 'jobId', 'seq'], { unique: true })
export class JobUploadChunk extends TenantOwnedEntity {
  @Column({ name: 'job_id', type: 'uuid' })
  jobId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
