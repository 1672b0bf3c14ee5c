import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { CatalogImportRequested } from '../events/catalog-import-requested.event';

export interface CatalogImportJob {
  jobId: string;
}

/** After an upload commits, queues its import (once: the queue job id is derived from the import job's id; no ':' in it). */
@Injectable()
@EventsHandler(CatalogImportRequested)
export class EnqueueCatalogImport implements IEventHandler<CatalogImportRequested> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: CatalogImportRequested): Promise<void> {
    const data: CatalogImportJob = { jobId: event.payload.jobId };
    await this.queue.add(
      QUEUES.IMPORTS,
      JOBS.CATALOG_IMPORT,
      { tenantId: event.context.tenantId, actor: event.context.actor, requestId: event.context.requestId, payload: data },
      { jobId: `catalog-import.${event.payload.jobId}` },
    );
  }
}
