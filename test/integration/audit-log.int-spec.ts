import { INestApplicationContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { newId, TenantContext, UnitOfWork } from '@saler/platform';
import { ListAuditLogsQuery } from '../../libs/audit/src/queries/list-audit-logs/list-audit-logs.query';
import { VerifyAuditChainQuery } from '../../libs/audit/src/queries/verify-audit-chain/verify-audit-chain.query';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

/** The audit log on both drivers: chained appends, secrets kept out, append-only, tampering detected. */
describe(`audit log (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let uow: UnitOfWork;
  let queries: QueryBus;
  const tenant = newId();
  const other = newId();

  const record = (context: TenantContext, n: number) =>
    uow.run(context, async (tx) => tx.audit({ action: 'thing.updated', entityType: 'thing', entityId: `t-${n}`, before: { n: n - 1 }, after: { n } }));
  const verify = (tenantId: string) => queries.execute(new VerifyAuditChainQuery(contextOf(tenantId)));

  /** Runs SQL as the owner, around the append-only guard, the way an attacker with owner rights would. */
  async function tamper(sql: string): Promise<void> {
    if (db.driver === 'postgres') {
      const owner = new Client({ connectionString: db.adminUrl });
      await owner.connect();
      await owner.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await owner.query(sql);
      await owner.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
      await owner.end();
    } else {
      const owner = new Database(db.env.SQLITE_PATH);
      owner.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;`);
      owner.exec(sql);
      owner.close();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db);
    uow = app.get(UnitOfWork);
    queries = app.get(QueryBus);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('appends entries in the transaction, numbered and chained, with the actor and request id', async () => {
    const context = contextOf(tenant);
    await record(context, 1);
    await record(context, 2);
    const page = await queries.execute(new ListAuditLogsQuery(contextOf(tenant), {}, 10));
    expect(page.data.map((entry: { seq: number }) => entry.seq)).toEqual([2, 1]);
    expect(page.data[1]).toMatchObject({ action: 'thing.updated', entityId: 't-1', actor: { type: 'system', id: null }, requestId: context.requestId, after: { n: 1 } });
    expect(await verify(tenant)).toEqual({ valid: true, checked: 2 });
  });

  it('leaves no entry behind when the unit of work rolls back', async () => {
    const failing = uow.run(contextOf(tenant), async (tx) => {
      tx.audit({ action: 'doomed' });
      throw new Error('rolled back');
    });
    await expect(failing).rejects.toThrow('rolled back');
    const page = await queries.execute(new ListAuditLogsQuery(contextOf(tenant), { action: 'doomed' }, 10));
    expect(page.data).toEqual([]);
  });

  it('keeps secrets out of before/after', async () => {
    await uow.run(contextOf(tenant), async (tx) =>
      tx.audit({ action: 'key.created', after: { name: 'ci', apiKey: 'slr_x', nested: { passwordHash: 'h', ok: 1 }, secretToken: 's' } }),
    );
    const [entry] = (await queries.execute(new ListAuditLogsQuery(contextOf(tenant), { action: 'key.created' }, 1))).data;
    expect(entry.after).toEqual({ name: 'ci', nested: { ok: 1 } });
  });

  it('numbers concurrent appenders of one tenant without gaps or forks', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => record(contextOf(other), i + 1)));
    const seqs: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.execute(new ListAuditLogsQuery(contextOf(other), {}, 7, cursor));
      seqs.push(...page.data.map((entry: { seq: number }) => entry.seq));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    expect(await verify(other)).toEqual({ valid: true, checked: 30 });
  });

  it('filters by action, entity and time, and rejects a forged cursor', async () => {
    const byEntity = await queries.execute(new ListAuditLogsQuery(contextOf(other), { entityType: 'thing', entityId: 't-7' }, 10));
    expect(byEntity.data).toHaveLength(1);
    const future = await queries.execute(new ListAuditLogsQuery(contextOf(other), { from: new Date(Date.now() + 60_000) }, 10));
    expect(future.data).toEqual([]);
    await expect(queries.execute(new ListAuditLogsQuery(contextOf(other), {}, 10, 'eyJzZXEiOjk5OX0.forged'))).rejects.toThrow(/cursor/);
  });

  it('refuses UPDATE and DELETE by the application', async () => {
    const update = uow.run(contextOf(tenant), (tx) => tx.manager.query(`UPDATE audit_log SET action = 'rewritten'`));
    await expect(update).rejects.toThrow(db.driver === 'postgres' ? /permission denied/ : /append-only/);
    const remove = uow.run(contextOf(tenant), (tx) => tx.manager.query(`DELETE FROM audit_log`));
    await expect(remove).rejects.toThrow(db.driver === 'postgres' ? /permission denied/ : /append-only/);
    expect((await verify(tenant)).valid).toBe(true);
  });

  it('detects an entry edited behind its back', async () => {
    const [second] = (await queries.execute(new ListAuditLogsQuery(contextOf(tenant), { entityId: 't-2' }, 1))).data;
    await tamper(`UPDATE audit_log SET after = '{"n":999}' WHERE id = '${second.id}'`);
    expect(await verify(tenant)).toEqual({ valid: false, checked: 2, brokenAtId: second.id });
    expect((await verify(other)).valid).toBe(true);
  });
});
