import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { Tenant } from '../../domain/tenant.entity';
import { GetTenantQuery } from './get-tenant.query';
import { toTenantView, TenantView } from './tenant.view';

@QueryHandler(GetTenantQuery)
export class GetTenantHandler extends TenantQueryHandler<GetTenantQuery, TenantView> {
  protected async handle(_query: GetTenantQuery, tx: TenantTx): Promise<TenantView> {
    return toTenantView(await tx.global(Tenant).findOneOrFail({ where: { id: tx.tenantId } }));
  }
}
