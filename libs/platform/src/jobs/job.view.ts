import { ApiProperty } from '@nestjs/swagger';
import { Job, JobStatus } from './job.entity';

export class JobRowErrorView {
  @ApiProperty({ description: '1-based line of the file (the header is line 1)' })
  line: number;

  @ApiProperty()
  message: string;
}

export class JobView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'import.leads' })
  type: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status: JobStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress: number;

  @ApiProperty({ description: 'Rows done so far, good and bad' })
  processed: number;

  @ApiProperty({ description: 'Rows refused' })
  failed: number;

  @ApiProperty({ type: [JobRowErrorView], description: 'The first 100 row errors' })
  errors: JobRowErrorView[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  result: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  startedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt: string | null;
}

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: job.progress,
    processed: job.processed,
    failed: job.failed,
    errors: job.errors,
    result: job.result,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
