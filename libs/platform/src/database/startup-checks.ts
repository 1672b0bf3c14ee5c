import type { DataSource } from 'typeorm';

/** A reason the process must not start, printed as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The api and worker must not log in as a role that bypasses row-level security. */
export async function assertRowLevelSecurityApplies(dataSource: DataSource): Promise<void> {
  const [role] = (await dataSource.query(`SELECT current_user AS name, rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`)) as {
    name: string;
    super: boolean;
    bypass: boolean;
  }[];
  if (role.super || role.bypass) {
    throw new StartupError(
      `DATABASE_URL logs in as "${role.name}", which bypasses row-level security; log in as the application role (saler_app) and keep the owner in DATABASE_MIGRATION_URL`,
    );
  }
}

/** On PostgreSQL migrations are an explicit step; the api refuses to run against an old schema. */
export async function assertNoPendingMigrations(dataSource: DataSource): Promise<void> {
  const [{ table }] = (await dataSource.query(`SELECT to_regclass('migrations') AS table`)) as { table: string | null }[];
  if (table === null || (await dataSource.showMigrations())) {
    throw new StartupError('The database has pending migrations: run `npm run migration:run` (as the owner, DATABASE_MIGRATION_URL) before starting');
  }
}

/**
 * The system connection must be able to take the system role (BYPASSRLS) it uses for cross-tenant
 * work (outbox relay, sweepers); otherwise every event would silently stay in the outbox.
 */
export async function assertSystemRoleUsable(dataSource: DataSource, systemRole: string): Promise<void> {
  const [row] = (await dataSource.query(`SELECT current_user AS name, pg_has_role(current_user, $1, 'MEMBER') AS member`, [systemRole])) as { name: string; member: boolean }[];
  if (!row.member) {
    throw new StartupError(
      `DATABASE_SYSTEM_URL logs in as "${row.name}", which cannot take the role "${systemRole}" for cross-tenant work; set DATABASE_SYSTEM_URL to the migrating owner (or another member of ${systemRole})`,
    );
  }
}
