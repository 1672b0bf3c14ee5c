import { Command } from '@nestjs/cqrs';
import { JobStatus, TenantContext } from '@saler/platform';

/** Where an import stands; what GET /jobs/{id} shows, and what the CLI prints as it goes. */
export interface CatalogImportProgress {
  status: JobStatus;
  progress: number;
  processed: number;
  failed: number;
  errors: { line: number; message: string }[];
  result: Record<string, unknown>;
}

/** Imports a stored catalogue CSV, batch by batch; resumable: a retry continues after the last committed line. */
export class RunCatalogImportCommand extends Command<CatalogImportProgress | null> {
  constructor(
    readonly context: TenantContext,
    readonly jobId: string,
    /** On the queue's last attempt an unexpected failure marks the job failed instead of leaving it running. */
    readonly lastAttempt: boolean,
    /** Called after each committed batch (the CLI prints progress). */
    readonly onProgress?: (progress: CatalogImportProgress) => void,
  ) {
    super();
  }
}
