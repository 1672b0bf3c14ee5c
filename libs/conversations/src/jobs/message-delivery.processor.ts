import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { JobHandler, jobContext, JobProcessor, JOBS, QueueJob, QUEUES } from '@saler/platform';
import { DeliverMessageCommand } from '../commands/deliver-message/deliver-message.command';
import { DeliveryJob } from '../commands/deliver-message/deliver-message.handler';

@Injectable()
@JobProcessor(QUEUES.CONVERSATIONS, JOBS.MESSAGE_DELIVERY)
export class MessageDeliveryProcessor implements JobHandler<DeliveryJob> {
  constructor(private readonly commandBus: CommandBus) {}

  async process(job: QueueJob<DeliveryJob>): Promise<void> {
    await this.commandBus.execute(new DeliverMessageCommand(jobContext(job), job.data.payload.messageId, job.data.payload.attempt));
  }
}
