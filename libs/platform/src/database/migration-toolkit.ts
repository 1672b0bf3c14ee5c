import type { QueryRunner } from 'typeorm';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function role(variable: string, fallback: string): string {
  const name = process.env[variable] || fallback;
  if (!ROLE_NAME.test(name)) throw new Error(`${variable} must be a lower-case PostgreSQL role name (got ${JSON.stringify(name)})`);
  return name;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'postgres';
}

/** The roles migrations grant to; names come from DATABASE_APP_ROLE and DATABASE_SYSTEM_ROLE. */
export function databaseRoles() {
  return { app: role('DATABASE_APP_ROLE', 'saler_app'), system: role('DATABASE_SYSTEM_ROLE', 'saler_system') };
}

/**
 * Creates (or aligns) the application role and the system role, and grants them DML on every
 * table of the schema, present and future. saler_app: LOGIN, no superuser, no BYPASSRLS.
 * saler_system: BYPASSRLS, for the deliberate cross-tenant path only; the migrating login is
 * made a member so the system connection can `SET LOCAL ROLE` to it.
 */
async function createRoles(queryRunner: QueryRunner): Promise<void> {
  if (!isPostgres(queryRunner)) return;
  const { app, system } = databaseRoles();
  const passwords: Record<string, string | undefined> = {
    [app]: process.env.DATABASE_APP_PASSWORD,
    [system]: process.env.DATABASE_SYSTEM_PASSWORD,
  };
  for (const [name, bypass] of [
    [app, false],
    [system, true],
  ] as const) {
    const attributes = `LOGIN NOSUPERUSER ${bypass ? 'BYPASSRLS' : 'NOBYPASSRLS'} NOCREATEDB NOCREATEROLE NOINHERIT`;
    const password = passwords[name] ? ` PASSWORD ${literal(passwords[name] as string)}` : '';
    await queryRunner.query(`DO $$ BEGIN
        CREATE ROLE "${name}";
      EXCEPTION WHEN duplicate_object THEN NULL;
      END $$`);
    // Roles are cluster-wide: touch pg_authid only when something differs, so migrations of
    // several databases of one cluster do not collide on the same role row.
    const [current] = (await queryRunner.query(
      `SELECT rolcanlogin AND NOT rolsuper AND rolbypassrls = $2 AND NOT rolcreatedb AND NOT rolcreaterole AND NOT rolinherit AS aligned FROM pg_roles WHERE rolname = $1`,
      [name, bypass],
    )) as { aligned: boolean }[];
    if (!current.aligned || password) await queryRunner.query(`ALTER ROLE "${name}" ${attributes}${password}`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO "${name}"`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${name}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${name}"`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${name}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${name}"`);
  }
  const [{ member }] = (await queryRunner.query(`SELECT pg_has_role(current_user, $1, 'MEMBER') AS member`, [system])) as { member: boolean }[];
  if (!member) await queryRunner.query(`GRANT "${system}" TO CURRENT_USER`);
}

/** Revokes what createRoles granted in this database. Roles are cluster-wide and may serve other databases, so they stay. */
async function dropRoleGrants(queryRunner: QueryRunner): Promise<void> {
  if (!isPostgres(queryRunner)) return;
  for (const name of Object.values(databaseRoles())) {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM "${name}"`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM "${name}"`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${name}"`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "${name}"`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM "${name}"`);
  }
}

/**
 * Turns a table into a tenant table in one call: ENABLE + FORCE row-level security and one policy
 * (USING + WITH CHECK) comparing tenant_id with the transaction's `app.tenant_id`. The setting is
 * read in a sub-select, so PostgreSQL evaluates it once per statement, not once per row; NULLIF
 * turns the '' a reused pooled connection holds into NULL, which matches nothing.
 * SQLite has no RLS: there the TenantRepository scoping is the protection.
 */
async function makeTenantTable(queryRunner: QueryRunner, table: string): Promise<void> {
  if (!isPostgres(queryRunner)) return;
  const condition = `tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)`;
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`CREATE POLICY tenant_isolation ON "${table}" USING (${condition}) WITH CHECK (${condition})`);
}

async function undoTenantTable(queryRunner: QueryRunner, table: string): Promise<void> {
  if (!isPostgres(queryRunner)) return;
  await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
  await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}

/** What hand-edited migrations call around the SQL TypeORM generates. */
export const MIGRATION_TOOLKIT = { createRoles, dropRoleGrants, makeTenantTable, undoTenantTable };
