import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../database/tenant-owned.entity';

export type IdempotencyKeyStatus = 'in_flight' | 'completed';

/**
 * One Idempotency-Key of one actor (`user:<id>`, `api_key:<id>`) in a tenant: the fingerprint of
 * the first request and, once it has completed, its response, replayed to retries until it expires.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_actor_key_uq', ['tenantId', 'actorKey', 'key'], { unique: true })
@Index('idempotency_keys_expires_idx', ['expiresAt'])
export class IdempotencyKey extends TenantOwnedEntity {
  @Column({ name: 'actor_key', type: 'varchar', length: 64 })
  actorKey: string;

  @Column({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 (hex) of method, path and canonical body: see requestFingerprint. */
  @Column({ name: 'request_hash', type: 'character', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: IdempotencyKeyStatus;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** In flight: the end of the request's lease on the key; completed: the end of the replay window. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
