export type ActorType = 'user' | 'api_key' | 'system';

/** Who performs a command: a user, an API key, or Saler itself (jobs, schedulers). */
export interface Actor {
  readonly type: ActorType;
  readonly id: string | null;
}

export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system', id: null });

/** What every tenant-scoped command, query and job carries explicitly. */
export interface TenantContext {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly requestId: string;
}
