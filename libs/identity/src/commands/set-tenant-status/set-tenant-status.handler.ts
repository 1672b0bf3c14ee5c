import { HttpStatus } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Tenant, TenantStatus } from '../../domain/tenant.entity';
import { SetTenantStatusCommand } from './set-tenant-status.command';

@CommandHandler(SetTenantStatusCommand)
export class SetTenantStatusHandler extends TenantCommandHandler<SetTenantStatusCommand, { id: string; status: TenantStatus }> {
  protected async handle(command: SetTenantStatusCommand, tx: TenantTx): Promise<{ id: string; status: TenantStatus }> {
    const tenant = await tx.global(Tenant).findOne({ where: { id: tx.tenantId } });
    if (tenant === null) throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'No such tenant');
    if (tenant.status !== command.status) {
      await tx.global(Tenant).update({ id: tenant.id }, { status: command.status, version: tenant.version + 1 });
      tx.audit({ action: command.status === 'suspended' ? 'tenant.suspended' : 'tenant.resumed', entityType: 'tenant', entityId: tenant.id, before: { status: tenant.status }, after: { status: command.status } });
    }
    return { id: tenant.id, status: command.status };
  }
}
