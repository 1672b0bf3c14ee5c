import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, JOBS, QUEUE_DRIVER, QueueDriver, QUEUES, SYSTEM_ACTOR, SystemUnitOfWork } from '@saler/platform';
import { Message } from '../../domain/message.entity';
import { DeliveryJob, deliveryJobId } from '../deliver-message/deliver-message.handler';
import { SweepStuckDeliveriesCommand } from './sweep-stuck-deliveries.command';

const BATCH = 500;
const QUIET_MS = 2 * 60 * 1000;

/**
 * The safety net of delivery: an attempt claimed by a worker that died before recording its result,
 * or a first attempt whose job was lost, leaves a message `queued` with no job to move it. Every
 * message queued and untouched for 2 minutes (plus the send timeout) gets the job of its next
 * attempt. A retry already waiting has that very job id, so it is not doubled; an attempt that is
 * only slow is refused by the claim (the attempt count moved on).
 */
@CommandHandler(SweepStuckDeliveriesCommand)
export class SweepStuckDeliveriesHandler implements ICommandHandler<SweepStuckDeliveriesCommand, number> {
  constructor(
    private readonly system: SystemUnitOfWork,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: SweepStuckDeliveriesCommand): Promise<number> {
    const before = new Date(command.now.getTime() - QUIET_MS - this.config.platforms.timeoutMs);
    const stuck = await this.system.run((manager) =>
      manager
        .createQueryBuilder(Message, 'm')
        .select(['m.tenantId', 'm.id', 'm.deliveryAttempts'])
        .where(`m.delivery_status = 'queued'`)
        .andWhere('COALESCE(m.delivery_updated_at, m.created_at) < :before', { before })
        .orderBy('m.delivery_updated_at', 'ASC')
        .limit(BATCH)
        .getMany(),
    );
    await this.queue.addBulk(
      QUEUES.CONVERSATIONS,
      stuck.map((message) => {
        const job: DeliveryJob = { messageId: message.id, attempt: message.deliveryAttempts + 1 };
        return {
          name: JOBS.MESSAGE_DELIVERY,
          data: { tenantId: message.tenantId, actor: SYSTEM_ACTOR, requestId: command.requestId, payload: job },
          opts: { jobId: deliveryJobId(job.messageId, job.attempt), attempts: 1 },
        };
      }),
    );
    return stuck.length;
  }
}
