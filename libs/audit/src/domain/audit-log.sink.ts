import { Injectable } from '@nestjs/common';
import { AuditOrigin, AuditRecord, AuditSink, newId, TenantTx } from '@saler/platform';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { AuditEntry } from './audit-entry.entity';

const SECRET_KEY = /password|secret|token|hash|api_?key|credential|authorization|cookie/i;

/** Drops every key that names a secret, at any depth: secrets never enter the audit log. */
export function withoutSecrets(value: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (value === undefined) return null;
  const clean = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(clean);
    if (input === null || typeof input !== 'object' || input instanceof Date) return input;
    return Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([key]) => !SECRET_KEY.test(key)).map(([key, v]) => [key, clean(v)]));
  };
  return clean(value) as Record<string, unknown>;
}

/**
 * Appends a unit of work's audit records to its tenant's hash chain. A lock per tenant
 * (`tx.hold`) serialises appenders, so `seq` and `prev_hash` never fork.
 */
@Injectable()
export class AuditLogSink extends AuditSink {
  async append(tx: TenantTx, origin: AuditOrigin, records: AuditRecord[]): Promise<void> {
    await tx.hold(`audit:${tx.tenantId}`);
    const entries = tx.repository(AuditEntry);
    const [last] = await entries.find({ order: { seq: 'DESC' }, take: 1, select: { tenantId: true, id: true, seq: true, hash: true } });
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const occurredAt = new Date();
    const rows = records.map((record) => {
      const entry = {
        tenantId: tx.tenantId,
        id: newId(),
        seq: (seq += 1),
        occurredAt,
        actorType: (record.actor ?? tx.context.actor).type,
        actorId: (record.actor ?? tx.context.actor).id,
        action: record.action,
        entityType: record.entityType ?? null,
        entityId: record.entityId ?? null,
        before: withoutSecrets(record.before),
        after: withoutSecrets(record.after),
        ip: origin.ip ?? null,
        userAgent: origin.userAgent ?? null,
        requestId: tx.context.requestId,
        prevHash,
      };
      const hash = chainHash(prevHash, entry);
      prevHash = hash;
      return { ...entry, hash };
    });
    await entries.insert(rows);
  }
}
