import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { JOBS, QUEUE_DRIVER, QueueDriver, QUEUES, SYSTEM_ACTOR, SystemUnitOfWork } from '@saler/platform';
import { Lead } from '../../domain/lead.entity';
import { RescoreAllTenantsCommand } from './rescore-all-tenants.command';

@CommandHandler(RescoreAllTenantsCommand)
export class RescoreAllTenantsHandler implements ICommandHandler<RescoreAllTenantsCommand, number> {
  constructor(
    private readonly system: SystemUnitOfWork,
    @Inject(QUEUE_DRIVER) private readonly queue: QueueDriver,
  ) {}

  async execute(command: RescoreAllTenantsCommand): Promise<number> {
    // The look-up crosses tenants (saler_system); each tenant is then rescored in its own jobs and units of work.
    const tenants = await this.system.run((manager) => manager.createQueryBuilder(Lead, 'l').select('DISTINCT l.tenant_id', 'tenantId').getRawMany<{ tenantId: string }>());
    await this.queue.addBulk(
      QUEUES.CRM,
      tenants.map(({ tenantId }) => ({
        name: JOBS.TENANT_RESCORE,
        data: { tenantId, actor: SYSTEM_ACTOR, requestId: command.requestId, payload: {} },
        opts: { jobId: `rescore-daily.${tenantId}.${command.day}` },
      })),
    );
    return tenants.length;
  }
}
