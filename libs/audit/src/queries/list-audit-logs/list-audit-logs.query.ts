import { TenantContext, TenantQuery } from '@saler/platform';
import { AuditLogPage } from './audit-log.view';

export interface AuditLogFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

/** Newest first, keyset-paginated on the chain position. */
export class ListAuditLogsQuery extends TenantQuery<AuditLogPage> {
  constructor(
    context: TenantContext,
    readonly filters: AuditLogFilters,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super(context);
  }
}
