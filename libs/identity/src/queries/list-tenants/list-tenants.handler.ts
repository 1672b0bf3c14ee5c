import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MoreThan } from 'typeorm';
import { CursorCodec, GlobalTx, UnitOfWork } from '@saler/platform';
import { Tenant } from '../../domain/tenant.entity';
import { AdminTenantPage, ListTenantsQuery } from './list-tenants.query';

/**
 * Member counts span tenants: on PostgreSQL they come from saler_tenant_member_counts(), a
 * SECURITY DEFINER function owned by saler_system that returns counts only; SQLite counts directly.
 */
async function memberCounts(tx: GlobalTx, tenantIds: string[]): Promise<Map<string, number>> {
  if (tenantIds.length === 0) return new Map();
  const rows: { tenant_id: string; count: string | number }[] = tx.isPostgres
    ? await tx.manager.query(`SELECT * FROM saler_tenant_member_counts($1::uuid[])`, [tenantIds])
    : await tx.manager.query(`SELECT tenant_id, COUNT(*) AS count FROM memberships WHERE tenant_id IN (${tenantIds.map(() => '?').join(',')}) GROUP BY tenant_id`, tenantIds);
  return new Map(rows.map((row) => [row.tenant_id, Number(row.count)]));
}

@QueryHandler(ListTenantsQuery)
export class ListTenantsHandler implements IQueryHandler<ListTenantsQuery, AdminTenantPage> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {}

  execute(query: ListTenantsQuery): Promise<AdminTenantPage> {
    return this.unitOfWork.runGlobal(async (tx) => {
      const after = query.cursor ? this.cursors.decode<{ id: string }>(query.cursor).id : undefined;
      const rows = await tx.global(Tenant).find({ where: after ? { id: MoreThan(after) } : {}, order: { id: 'ASC' }, take: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const counts = await memberCounts(tx, page.map((tenant) => tenant.id));
      return {
        data: page.map((tenant) => ({ id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status, memberCount: counts.get(tenant.id) ?? 0, createdAt: tenant.createdAt.toISOString() })),
        nextCursor: rows.length > query.limit ? this.cursors.encode({ id: page[page.length - 1].id }) : null,
      };
    });
  }
}
