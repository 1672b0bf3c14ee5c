import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RunCatalogImportCommand } from '../commands/run-catalog-import/run-catalog-import.command';
import { CatalogImportJob } from './enqueue-catalog-import.event-handler';

@Injectable()
@JobProcessor(QUEUES.IMPORTS, JOBS.CATALOG_IMPORT)
export class CatalogImportProcessor implements JobHandler<CatalogImportJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<CatalogImportJob>): Promise<void> {
    await this.commandBus.execute(new RunCatalogImportCommand(jobContext(job), job.data.payload.jobId, job.attempt >= job.maxAttempts));
  }
}
