import { HttpStatus, Injectable } from '@nestjs/common';
import { TenantContext } from '../context/tenant-context';
import { newId } from '../database/ids';
import { isUniqueViolation } from '../database/unique-violation';
import { UnitOfWork } from '../database/unit-of-work';
import { ProblemException } from '../http/problem';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a completed response is replayed. */
const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
/** How long an in-flight request holds its key: a request whose process died frees the key after this. */
const IN_FLIGHT_LEASE_MS = 5 * 60 * 1000;
/** Attempts to claim a key whose row keeps expiring or vanishing under us, before answering 409. */
const MAX_CLAIM_ATTEMPTS = 3;

export interface IdempotentRequest {
  context: TenantContext;
  /** `user:<id>` or `api_key:<id>`: keys are scoped per actor within the tenant. */
  actorKey: string;
  key: string;
  requestHash: string;
}

/** Either the key is now this request's (run the handler), or the first response to replay. */
export type IdempotencyClaim = { kind: 'claimed'; id: string } | { kind: 'replay'; status: number; body: unknown };

const inFlight = () =>
  new ProblemException(HttpStatus.CONFLICT, 'idempotency-key-in-flight', 'A request with this Idempotency-Key is still being processed; retry later', { retryAfter: 1 });

/**
 * The idempotency_keys table. Each step is its own short unit of work in the request's tenant, so
 * the in-flight row is committed before the handler runs and the unique index
 * (tenant_id, actor_key, key) decides which of several concurrent duplicates runs.
 */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Claims the key, or returns the stored response; throws 409 while the first is in flight, 422 for another request. */
  async claim(request: IdempotentRequest): Promise<IdempotencyClaim> {
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      const id = newId();
      const now = new Date();
      try {
        await this.unitOfWork.run(request.context, (tx) =>
          tx.repository(IdempotencyKey).insert({
            id,
            actorKey: request.actorKey,
            key: request.key,
            requestHash: request.requestHash,
            status: 'in_flight',
            responseStatus: null,
            responseBody: null,
            createdAt: now,
            expiresAt: new Date(now.getTime() + IN_FLIGHT_LEASE_MS),
          }),
        );
        return { kind: 'claimed', id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const holder = await this.liveHolder(request);
      if (holder === null) continue;
      if (holder.requestHash !== request.requestHash) {
        throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request');
      }
      if (holder.status === 'in_flight') throw inFlight();
      return { kind: 'replay', status: holder.responseStatus as number, body: holder.responseBody };
    }
    throw inFlight();
  }

  /** Stores the response to replay and starts the replay window. */
  async complete(context: TenantContext, id: string, status: number, body: unknown): Promise<void> {
    await this.unitOfWork.run(context, (tx) =>
      tx.repository(IdempotencyKey).update({ id }, { status: 'completed', responseStatus: status, responseBody: body ?? null, expiresAt: new Date(Date.now() + IDEMPOTENCY_RETENTION_MS) }),
    );
  }

  /** Frees the key (the request failed on the server's side), so the client may retry it. */
  async release(context: TenantContext, id: string): Promise<void> {
    await this.unitOfWork.run(context, (tx) => tx.repository(IdempotencyKey).delete({ id }));
  }

  /** The row holding the key; an expired one is deleted on the way (the key is free again) and reads as none. */
  private liveHolder({ context, actorKey, key }: IdempotentRequest): Promise<IdempotencyKey | null> {
    return this.unitOfWork.run(context, async (tx) => {
      const keys = tx.repository(IdempotencyKey);
      const row = await keys.findOne({ actorKey, key });
      if (row === null || row.expiresAt > new Date()) return row;
      await keys.delete({ id: row.id });
      return null;
    });
  }
}
