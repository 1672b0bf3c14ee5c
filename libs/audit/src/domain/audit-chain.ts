import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, in a fixed order. */
export interface ChainedFields {
  id: string;
  tenantId: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/** JSON with object keys sorted at every depth: the same entry always serialises to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, entry: ChainedFields): string {
  const fields: ChainedFields = {
    id: entry.id,
    tenantId: entry.tenantId,
    occurredAt: new Date(Math.floor(entry.occurredAt.getTime())),
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
    ip: entry.ip,
    userAgent: entry.userAgent,
    requestId: entry.requestId,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/** Walks entries in chain order; returns the id of the first entry whose link or hash does not hold. */
export function firstBrokenLink(entries: (ChainedFields & { prevHash: string; hash: string })[], startHash = GENESIS_HASH): string | undefined {
  let previous = startHash;
  for (const entry of entries) {
    if (entry.prevHash !== previous || chainHash(entry.prevHash, entry) !== entry.hash) return entry.id;
    previous = entry.hash;
  }
  return undefined;
}
