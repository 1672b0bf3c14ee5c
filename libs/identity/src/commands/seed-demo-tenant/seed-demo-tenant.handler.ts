import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@saler/platform';
import { Tenant } from '../../domain/tenant.entity';
import { RegisterCommand } from '../register/register.command';
import { DEMO_TENANT, SeedDemoTenantCommand } from './seed-demo-tenant.command';

@CommandHandler(SeedDemoTenantCommand)
export class SeedDemoTenantHandler implements ICommandHandler<SeedDemoTenantCommand, boolean> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly commandBus: CommandBus,
  ) {}

  async execute(command: SeedDemoTenantCommand): Promise<boolean> {
    if ((await this.unitOfWork.runGlobal((tx) => tx.global(Tenant).count())) > 0) return false;
    await this.commandBus.execute(new RegisterCommand(command.requestId, DEMO_TENANT.name, DEMO_TENANT.slug, DEMO_TENANT.email, DEMO_TENANT.password, DEMO_TENANT.ownerName));
    return true;
  }
}
