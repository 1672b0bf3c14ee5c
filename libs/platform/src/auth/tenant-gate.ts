/**
 * Decides whether an authenticated request may enter its tenant (for example: not suspended).
 * libs/identity provides the implementation; the guard throws what it throws.
 */
export abstract class TenantGate {
  abstract assertOpen(tenantId: string): Promise<void>;
}
