import { AuditEntry } from './domain/audit-entry.entity';

export const AUDIT_ENTITIES: Function[] = [AuditEntry];
