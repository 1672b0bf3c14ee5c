import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { LeadImportRequested } from '../events/lead-import-requested.event';

export interface LeadImportJob {
  jobId: string;
}

/** After an upload commits, queues its import (once: the queue job id is the import job's id). */
@Injectable()
@EventsHandler(LeadImportRequested)
export class EnqueueLeadImport implements IEventHandler<LeadImportRequested> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: LeadImportRequested): Promise<void> {
    const data: LeadImportJob = { jobId: event.payload.jobId };
    await this.queue.add(QUEUES.IMPORTS, JOBS.LEAD_IMPORT, { tenantId: event.context.tenantId, actor: event.context.actor, requestId: event.context.requestId, payload: data }, { jobId: `import.${event.payload.jobId}` });
  }
}
