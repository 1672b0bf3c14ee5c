import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RunLeadImportCommand } from '../commands/run-lead-import/run-lead-import.command';
import { LeadImportJob } from './enqueue-lead-import.event-handler';

@Injectable()
@JobProcessor(QUEUES.IMPORTS, JOBS.LEAD_IMPORT)
export class LeadImportProcessor implements JobHandler<LeadImportJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<LeadImportJob>): Promise<void> {
    await this.commandBus.execute(new RunLeadImportCommand(jobContext(job), job.data.payload.jobId, job.attempt >= job.maxAttempts));
  }
}
