import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES, SYSTEM_ACTOR, SystemUnitOfWork } from '@saler/platform';
import { Conversation } from '../../domain/conversation.entity';
import { SweepRetentionCommand } from './sweep-retention.command';

@CommandHandler(SweepRetentionCommand)
export class SweepRetentionHandler implements ICommandHandler<SweepRetentionCommand, number> {
  constructor(
    private readonly system: SystemUnitOfWork,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  async execute(command: SweepRetentionCommand): Promise<number> {
    // The look-up crosses tenants (saler_system); each tenant is then purged in its own jobs and units of work.
    const tenants = await this.system.run((manager) => manager.createQueryBuilder(Conversation, 'c').select('DISTINCT c.tenant_id', 'tenantId').getRawMany<{ tenantId: string }>());
    await this.queue.addBulk(
      QUEUES.CONVERSATIONS,
      tenants.map(({ tenantId }) => ({
        name: JOBS.TENANT_RETENTION,
        data: { tenantId, actor: SYSTEM_ACTOR, requestId: command.requestId, payload: {} },
        opts: { jobId: `retention.${tenantId}.${command.day}` },
      })),
    );
    return tenants.length;
  }
}
