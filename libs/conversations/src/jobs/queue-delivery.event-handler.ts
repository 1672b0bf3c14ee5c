import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { DeliveryJob, deliveryJobId } from '../commands/deliver-message/deliver-message.handler';
import { ReplyQueued } from '../events/reply-queued.event';

/** A reply was committed with status queued: its first delivery attempt (later ones are queued by the attempt before). */
@Injectable()
@EventsHandler(ReplyQueued)
export class QueueDeliveryOnReplyQueued implements IEventHandler<ReplyQueued> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: ReplyQueued): Promise<void> {
    const { context, payload } = event;
    const data: DeliveryJob = { messageId: payload.messageId, attempt: 1 };
    await this.queue.add(QUEUES.CONVERSATIONS, JOBS.MESSAGE_DELIVERY, { tenantId: context.tenantId, actor: context.actor, requestId: context.requestId, payload: data }, {
      jobId: deliveryJobId(payload.messageId, 1),
      attempts: 1,
    });
  }
}
