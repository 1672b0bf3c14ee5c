import { CommandHandler } from '@nestjs/cqrs';
import { staleProblem, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Tenant } from '../../domain/tenant.entity';
import { toTenantView, TenantView } from '../../queries/get-tenant/tenant.view';
import { UpdateTenantCommand } from './update-tenant.command';

const STALE = staleProblem('tenant');

@CommandHandler(UpdateTenantCommand)
export class UpdateTenantHandler extends TenantCommandHandler<UpdateTenantCommand, TenantView> {
  protected async handle(command: UpdateTenantCommand, tx: TenantTx): Promise<TenantView> {
    const tenants = tx.global(Tenant);
    const before = await tenants.findOneOrFail({ where: { id: tx.tenantId } });
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw STALE;
    const changes = Object.fromEntries(Object.entries(command.changes).filter(([, value]) => value !== undefined));
    // The version in the WHERE makes the check and the write one atomic step.
    const result = await tenants.update({ id: before.id, version: before.version }, { ...changes, version: before.version + 1 });
    if (result.affected !== 1) throw STALE;
    const after = await tenants.findOneOrFail({ where: { id: before.id } });
    const changed = Object.keys(changes) as (keyof Tenant)[];
    tx.audit({
      action: 'tenant.updated',
      entityType: 'tenant',
      entityId: before.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    });
    return toTenantView(after);
  }
}
