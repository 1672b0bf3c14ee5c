import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IdempotencyKey, newId, ProblemException, PurgeExpiredIdempotencyKeysCommand, SystemUnitOfWork, TenantContext } from '@saler/platform';
import { IdempotencyStore } from '@saler/platform/idempotency/idempotency-store';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HOUR_MS = 60 * 60 * 1000;

/** The idempotency_keys store and its purge; on PostgreSQL (as saler_app, purge as saler_system) and on SQLite. */
describe(`idempotency keys (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let store: IdempotencyStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db);
    store = app.get(IdempotencyStore);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const request = (context: TenantContext, key: string, requestHash = HASH_A, actorKey = 'user:one') => ({ context, actorKey, key, requestHash });
  const problemOf = (claim: Promise<unknown>) =>
    claim.then(
      () => undefined,
      (error: unknown) => (error instanceof ProblemException ? { status: error.getStatus(), slug: error.slug, extensions: error.extensions } : error),
    );
  const expire = (id: string) => app.get(SystemUnitOfWork).run((manager) => manager.update(IdempotencyKey, { id }, { expiresAt: new Date(Date.now() - HOUR_MS) }));

  it('claims a key once; a duplicate is 409 while in flight, 422 with another request, and replays once completed', async () => {
    const context = contextOf(newId());
    const claim = await store.claim(request(context, 'k1'));
    expect(claim.kind).toBe('claimed');
    expect(await problemOf(store.claim(request(context, 'k1')))).toEqual({ status: 409, slug: 'idempotency-key-in-flight', extensions: { retryAfter: 1 } });
    expect(await problemOf(store.claim(request(context, 'k1', HASH_B)))).toMatchObject({ status: 422, slug: 'idempotency-key-reused' });
    if (claim.kind !== 'claimed') throw new Error('unreachable');
    await store.complete(context, claim.id, 201, { id: 'created', nested: { list: [1, 2] } });
    expect(await store.claim(request(context, 'k1'))).toEqual({ kind: 'replay', status: 201, body: { id: 'created', nested: { list: [1, 2] } } });
    expect(await problemOf(store.claim(request(context, 'k1', HASH_B)))).toMatchObject({ status: 422 });
  });

  it('scopes keys per actor and per tenant', async () => {
    const context = contextOf(newId());
    expect((await store.claim(request(context, 'shared'))).kind).toBe('claimed');
    expect((await store.claim(request(context, 'shared', HASH_A, 'api_key:two'))).kind).toBe('claimed');
    expect((await store.claim(request(contextOf(newId()), 'shared'))).kind).toBe('claimed');
  });

  it('lets exactly one of several concurrent claims win', async () => {
    const context = contextOf(newId());
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.claim(request(context, 'race')).then((claim) => claim.kind, (error: unknown) => (error as ProblemException).getStatus())));
    expect(outcomes.filter((outcome) => outcome === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 409)).toHaveLength(9);
  });

  it('frees a released key, and replaces an expired one', async () => {
    const context = contextOf(newId());
    const first = await store.claim(request(context, 'retry'));
    if (first.kind !== 'claimed') throw new Error('unreachable');
    await store.release(context, first.id);
    const second = await store.claim(request(context, 'retry', HASH_B));
    if (second.kind !== 'claimed') throw new Error('unreachable');
    await store.complete(context, second.id, 400, { type: 'urn:saler:problem:validation' });
    await expire(second.id);
    expect((await store.claim(request(context, 'retry'))).kind).toBe('claimed');
  });

  it('purges expired keys across tenants and keeps live ones', async () => {
    const ids: Record<'expired' | 'live', string[]> = { expired: [], live: [] };
    for (const context of [contextOf(newId()), contextOf(newId())]) {
      for (const kind of ['expired', 'live'] as const) {
        const claim = await store.claim(request(context, `purge-${kind}`));
        if (claim.kind !== 'claimed') throw new Error('unreachable');
        ids[kind].push(claim.id);
      }
    }
    for (const id of ids.expired) await expire(id);
    const purged = await app.get(CommandBus).execute(new PurgeExpiredIdempotencyKeysCommand(new Date()));
    expect(purged).toBeGreaterThanOrEqual(2);
    const remaining = new Set((await app.get(SystemUnitOfWork).run((manager) => manager.find(IdempotencyKey))).map((row) => row.id));
    for (const id of ids.expired) expect(remaining.has(id)).toBe(false);
    for (const id of ids.live) expect(remaining.has(id)).toBe(true);
  });
});
