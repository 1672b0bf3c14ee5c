import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { RunLeadImportCommand } from '../commands/run-lead-import/run-lead-import.command';
import { LeadImportJob } from './enqueue-lead-import.event-handler';

@Injectable()
@JobProcessor(QUEUES.IMPORTS, JOBS.LEAD_IMPORT)
export class LeadImportProcessor implements JobHandler<LeadImportJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<LeadImportJob>): Promise<void> {
    const context = { tenantId: job.data.tenantId as string, actor: job.data.actor, requestId: job.data.requestId };
    await this.commandBus.execute(new RunLeadImportCommand(context, job.data.payload.jobId, job.attempt >= job.maxAttempts));
  }
}
