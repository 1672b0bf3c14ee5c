import { INestApplicationContext } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { assertRowLevelSecurityApplies, dataSourceOptions, newId, StartupError, SystemUnitOfWork, UnitOfWork } from '@saler/platform';
import { APP_DATA_SOURCE } from '../../libs/platform/src/database/database.tokens';
import { Note } from '../support/notes/note.entity';
import { NotesModule } from '../support/notes/notes';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const note = (body: string) => ({ id: newId(), body, relayedAt: null, createdAt: new Date() });

/**
 * The isolation proofs, on PostgreSQL, as saler_app over a pool of 2 connections. Raw SQL that
 * "forgets" its WHERE tenant_id is used on purpose: RLS must hold without the application's help.
 */
describe('row-level security (PostgreSQL, as saler_app)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let uow: UnitOfWork;
  let appSource: DataSource;
  const tenantA = newId();
  const tenantB = newId();

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    app = await createTestApp(db, { modules: [NotesModule], env: { DATABASE_POOL_SIZE: '2' } });
    uow = app.get(UnitOfWork);
    appSource = app.get(APP_DATA_SOURCE);
    await uow.run(contextOf(tenantA), (tx) => tx.repository(Note).insert([note('a1'), note('a2')]));
    await uow.run(contextOf(tenantB), (tx) => tx.repository(Note).insert([note('b1'), note('b2'), note('b3')]));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('connects as saler_app: no superuser, no BYPASSRLS, owner of no table', async () => {
    const [role] = await appSource.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: 'saler_app', rolsuper: false, rolbypassrls: false });
    const owned = await appSource.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(owned).toEqual([]);
  });

  /** Global tables that name a tenant without belonging to one: channel_routes maps public webhook URLs to their tenant before any tenant is known. */
  const GLOBAL_WITH_TENANT_ID = ['channel_routes'];

  it('every tenant table has RLS enabled and forced, with a policy', async () => {
    const tables = await appSource.query(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1) ORDER BY 1`, [GLOBAL_WITH_TENANT_ID]);
    expect(tables.map((t: { table: string }) => t.table)).toEqual(expect.arrayContaining(['notes', 'outbox', 'catalog_model_terms']));
    for (const table of tables) expect(table).toMatchObject({ enabled: true, forced: true, policies: 1 });
  });

  it('a partition of a tenant table is reached only through its table (whose policy applies): neither role may read or write it', async () => {
    const partitions: { partition: string; app: boolean; system: boolean }[] = await appSource.query(`
      SELECT c.relname AS partition,
             has_table_privilege('saler_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS app,
             has_table_privilege('saler_system', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS system
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relispartition AND c.relkind = 'r' ORDER BY 1`);
    expect(partitions.map((row) => row.partition)).toEqual(expect.arrayContaining(['catalog_model_terms_h00', 'catalog_model_terms_h31']));
    expect(partitions.filter((row) => row.app || row.system)).toEqual([]);
    await expect(appSource.query(`SELECT count(*) FROM catalog_model_terms_h00`)).rejects.toThrow(/permission denied/);
  });

  it('every unique constraint or index of a tenant table leads with tenant_id', async () => {
    const uniques: { table: string; index: string; first: string }[] = await appSource.query(`
      SELECT t.relname AS table, i.relname AS index, a.attname AS first
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE x.indisunique AND t.relname <> ALL($1)
         AND EXISTS (SELECT 1 FROM pg_attribute c WHERE c.attrelid = t.oid AND c.attname = 'tenant_id' AND NOT c.attisdropped)`, [GLOBAL_WITH_TENANT_ID]);
    expect(uniques.length).toBeGreaterThan(0);
    expect(uniques.filter((unique) => unique.first !== 'tenant_id')).toEqual([]);
  });

  it('a query with no tenant set returns 0 rows, on a fresh or a reused pooled connection', async () => {
    expect(await appSource.query(`SELECT * FROM notes`)).toEqual([]);
    // The pool now holds connections whose app.tenant_id was set locally and reverted to ''.
    for (let i = 0; i < 4; i++) expect(await appSource.query(`SELECT count(*)::int AS n FROM notes`)).toEqual([{ n: 0 }]);
    const inTransactionWithoutTenant = await appSource.transaction((manager) => manager.query(`SELECT * FROM notes`));
    expect(inTransactionWithoutTenant).toEqual([]);
  });

  it('tenant A reads only its rows, even without WHERE tenant_id', async () => {
    const rows: { tenant_id: string; body: string }[] = await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`SELECT tenant_id, body FROM notes ORDER BY body`));
    expect(rows.map((row) => row.body)).toEqual(['a1', 'a2']);
    expect(new Set(rows.map((row) => row.tenant_id))).toEqual(new Set([tenantA]));
  });

  it('tenant A cannot update or delete B rows, even without WHERE tenant_id', async () => {
    const bIds: { id: string }[] = await uow.run(contextOf(tenantB), (tx) => tx.manager.query(`SELECT id FROM notes`));
    const updated = await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`UPDATE notes SET body = body || '!' WHERE id = ANY($1)`, [bIds.map((row) => row.id)]));
    expect(updated[1]).toBe(0);
    const deleted = await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`DELETE FROM notes WHERE id = ANY($1)`, [bIds.map((row) => row.id)]));
    expect(deleted[1]).toBe(0);
    const [, everyUpdate] = await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`UPDATE notes SET body = body`));
    expect(everyUpdate).toBe(2);
    const bodies = await uow.run(contextOf(tenantB), (tx) => tx.manager.query(`SELECT body FROM notes ORDER BY body`));
    expect(bodies.map((row: { body: string }) => row.body)).toEqual(['b1', 'b2', 'b3']);
  });

  it('a unit of work is one transaction with its tenant set from its first statement: a failure rolls all of it back, a savepoint inside rolls back alone', async () => {
    const count = () => uow.run(contextOf(tenantA), async (tx) => (await tx.manager.query(`SELECT count(*)::int AS n FROM notes`))[0].n as number);
    const before = await count();
    const failing = uow.run(contextOf(tenantA), async (tx) => {
      expect(await tx.manager.query(`SELECT current_setting('app.tenant_id') AS tenant`)).toEqual([{ tenant: tenantA }]);
      await tx.repository(Note).insert(note('rolled back'));
      throw new Error('work failed');
    });
    await expect(failing).rejects.toThrow('work failed');
    expect(await count()).toBe(before);
    await uow.run(contextOf(tenantA), async (tx) => {
      await tx.repository(Note).insert(note('kept'));
      await expect(tx.manager.transaction(async (inner) => {
        await inner.query(`INSERT INTO notes (tenant_id, id, body, created_at) VALUES ($1, $2, 'savepoint', now())`, [tenantA, newId()]);
        throw new Error('inner failed');
      })).rejects.toThrow('inner failed');
    });
    const bodies = await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`SELECT body FROM notes WHERE body IN ('kept', 'savepoint', 'rolled back')`));
    expect(bodies).toEqual([{ body: 'kept' }]);
    await uow.run(contextOf(tenantA), (tx) => tx.manager.query(`DELETE FROM notes WHERE body = 'kept'`));
  });

  it('a prepared statement (tx.prepared) is prepared once per connection and its cached plan still reads only the tenant of each unit of work', async () => {
    const sql = `SELECT tenant_id, body FROM notes WHERE body <> $1 ORDER BY body`;
    // 12 runs per tenant alternating over a pool of 2: past the 5 custom plans after which PostgreSQL may keep a generic one.
    for (let run = 0; run < 12; run++) {
      for (const [tenantId, bodies] of [[tenantA, ['a1', 'a2']], [tenantB, ['b1', 'b2', 'b3']]] as const) {
        const rows = await uow.run(contextOf(tenantId), (tx) => tx.prepared<{ tenant_id: string; body: string }>(sql, ['none']));
        expect(rows).toEqual(bodies.map((body) => ({ tenant_id: tenantId, body })));
      }
    }
    const prepared = await uow.run(contextOf(tenantA), async (tx) => {
      await tx.prepared(sql, ['again']);
      return tx.manager.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = $1`, [sql]);
    });
    expect(prepared).toEqual([{ n: 1 }]);
    const failing = uow.run(contextOf(tenantA), (tx) => tx.prepared(`SELECT no_such_column FROM notes`, []));
    await expect(failing).rejects.toThrow(QueryFailedError);
    await expect(uow.run(contextOf(tenantA), (tx) => tx.prepared(`SELECT no_such_column FROM notes`, []))).rejects.toThrow(/no_such_column/);
  });

  it('an INSERT of B tenant_id inside A unit of work fails', async () => {
    const attempt = uow.run(contextOf(tenantA), (tx) =>
      tx.manager.query(`INSERT INTO notes (tenant_id, id, body, created_at) VALUES ($1, $2, 'smuggled', now())`, [tenantB, newId()]),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
    expect(await uow.run(contextOf(tenantB), (tx) => tx.manager.query(`SELECT * FROM notes WHERE body = 'smuggled'`))).toEqual([]);
  });

  it('moving A row to tenant B fails', async () => {
    const attempt = uow.run(contextOf(tenantA), (tx) => tx.manager.query(`UPDATE notes SET tenant_id = $1`, [tenantB]));
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('saler_app cannot take the system path (BYPASSRLS) by itself', async () => {
    await expect(appSource.transaction((manager) => manager.query(`SET LOCAL ROLE saler_system`))).rejects.toThrow(/permission denied/);
    await expect(appSource.transaction((manager) => manager.query(`SELECT set_config('role', 'saler_system', true)`))).rejects.toThrow(/permission denied/);
  });

  it('the system unit of work sees every tenant', async () => {
    const tenants = await app.get(SystemUnitOfWork).run((manager) => manager.query(`SELECT DISTINCT tenant_id FROM notes`));
    expect(new Set(tenants.map((row: { tenant_id: string }) => row.tenant_id))).toEqual(new Set([tenantA, tenantB]));
  });

  it('500 concurrent units of work alternating two tenants over a pool of 2 produce zero cross-tenant rows', async () => {
    const runs = await Promise.all(
      Array.from({ length: 500 }, (_, i) => {
        const tenantId = i % 2 === 0 ? tenantA : tenantB;
        return uow.run(contextOf(tenantId), async (tx) => {
          await tx.manager.query(`INSERT INTO notes (tenant_id, id, body, created_at) VALUES ($1, $2, $3, now())`, [tenantId, newId(), `run-${i}`]);
          const seen: { tenant_id: string }[] = await tx.manager.query(`SELECT DISTINCT tenant_id FROM notes`);
          return { tenantId, seen: seen.map((row) => row.tenant_id) };
        });
      }),
    );
    for (const run of runs) expect(run.seen).toEqual([run.tenantId]);
    const counts = await app
      .get(SystemUnitOfWork)
      .run((manager) => manager.query(`SELECT tenant_id, count(*)::int AS n FROM notes WHERE body LIKE 'run-%' GROUP BY tenant_id`));
    expect(Object.fromEntries(counts.map((row: { tenant_id: string; n: number }) => [row.tenant_id, row.n]))).toEqual({ [tenantA]: 250, [tenantB]: 250 });
    const crossTenant = await app
      .get(SystemUnitOfWork)
      .run((manager) =>
        manager.query(`SELECT count(*)::int AS n FROM notes WHERE body LIKE 'run-%' AND ((substring(body from 5)::int % 2 = 0) <> (tenant_id = $1))`, [tenantA]),
      );
    expect(crossTenant).toEqual([{ n: 0 }]);
  });

  it('the api refuses to start as a role that bypasses RLS', async () => {
    const owner = new DataSource(dataSourceOptions(db.config().database, 'migration', db.schema));
    await owner.initialize();
    try {
      await expect(assertRowLevelSecurityApplies(owner)).rejects.toThrow(StartupError);
      await expect(assertRowLevelSecurityApplies(owner)).rejects.toThrow(/bypasses row-level security/);
    } finally {
      await owner.destroy();
    }
  });
});
