import type { Actor } from '../context/tenant-context';
import type { TenantTx } from './unit-of-work';

/** One state change or security event, recorded in the transaction that caused it. */
export interface AuditRecord {
  /** `lead.updated` style. */
  action: string;
  entityType?: string;
  entityId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Who acted, when the unit of work's actor is not the one (a session found by its token, say). */
  actor?: Actor;
}

/** Request facts an audit entry keeps besides the actor. */
export interface AuditOrigin {
  ip?: string;
  userAgent?: string;
}

/**
 * Where a unit of work appends its audit records before commit. libs/audit provides it; when no
 * sink is registered (a process without the audit context), recording is a programming error.
 */
export abstract class AuditSink {
  abstract append(tx: TenantTx, origin: AuditOrigin, records: AuditRecord[]): Promise<void>;
}
