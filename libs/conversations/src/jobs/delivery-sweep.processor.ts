import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, JOBS, QueueJob, QUEUES, ScheduledJob } from '@saler/platform';
import { SweepStuckDeliveriesCommand } from '../commands/sweep-stuck-deliveries/sweep-stuck-deliveries.command';

/** Every minute: deliveries left queued by a lost job or a crashed attempt get their next attempt. */
@Injectable()
@ScheduledJob(QUEUES.CONVERSATIONS, JOBS.DELIVERY_SWEEP, 60_000)
export class DeliverySweepProcessor implements JobHandler {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob): Promise<void> {
    await this.commandBus.execute(new SweepStuckDeliveriesCommand(new Date(), job.data.requestId));
  }
}
