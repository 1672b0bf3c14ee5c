import { QueryHandler } from '@nestjs/cqrs';
import { And, FindOptionsWhere, LessThan, MoreThanOrEqual } from 'typeorm';
import { CursorCodec, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { AuditEntry } from '../../domain/audit-entry.entity';
import { AuditLogPage, toView } from './audit-log.view';
import { ListAuditLogsQuery } from './list-audit-logs.query';

@QueryHandler(ListAuditLogsQuery)
export class ListAuditLogsHandler extends TenantQueryHandler<ListAuditLogsQuery, AuditLogPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListAuditLogsQuery, tx: TenantTx): Promise<AuditLogPage> {
    const { filters } = query;
    const where: FindOptionsWhere<AuditEntry> = {};
    if (filters.actorId) where.actorId = filters.actorId;
    if (filters.action) where.action = filters.action;
    if (filters.entityType) where.entityType = filters.entityType;
    if (filters.entityId) where.entityId = filters.entityId;
    const occurred = [filters.from && MoreThanOrEqual(filters.from), filters.to && LessThan(filters.to)].filter((operator) => !!operator);
    if (occurred.length > 0) where.occurredAt = And(...(occurred as never[]));
    if (query.cursor) where.seq = LessThan(this.cursors.decode<{ seq: number }>(query.cursor).seq);
    const rows = await tx.repository(AuditEntry).find({ where, order: { seq: 'DESC' }, take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    return { data: page.map(toView), nextCursor: rows.length > query.limit ? this.cursors.encode({ seq: page[page.length - 1].seq }) : null };
  }
}
