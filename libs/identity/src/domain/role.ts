/** Membership roles, highest first (the spec's role table). */
export const ROLES = ['owner', 'admin', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Higher is more powerful; nobody may grant a role above their own. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}
