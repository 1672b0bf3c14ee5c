import type { GlobalTx } from '@saler/platform';
import { Role } from './role';

export interface MembershipSummary {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  tenantStatus: string;
  role: Role;
  status: string;
  createdAt: Date;
}

/**
 * A user's memberships across tenants. Memberships are tenant tables under RLS, so on PostgreSQL
 * this reads through `saler_user_memberships(user)`, a SECURITY DEFINER function owned by
 * saler_system that returns only that user's rows (the deliberate cross-tenant path for login
 * and /me). SQLite has no RLS and reads the tables directly.
 */
export async function membershipsOf(tx: GlobalTx, userId: string): Promise<MembershipSummary[]> {
  const rows: Record<string, string>[] = tx.isPostgres
    ? await tx.manager.query(`SELECT * FROM saler_user_memberships($1)`, [userId])
    : await tx.manager.query(
        `SELECT m.tenant_id, t.slug AS tenant_slug, t.name AS tenant_name, t.status AS tenant_status, m.role, m.status, m.created_at
           FROM memberships m JOIN tenants t ON t.id = m.tenant_id WHERE m.user_id = ? ORDER BY m.created_at, m.id`,
        [userId],
      );
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    tenantStatus: row.tenant_status,
    role: row.role as Role,
    status: row.status,
    createdAt: new Date(row.created_at),
  }));
}
