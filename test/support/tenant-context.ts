import { newId, SYSTEM_ACTOR, TenantContext } from '@saler/platform';

/** A system actor's context for a tenant, with a fresh request id. */
export const contextOf = (tenantId: string): TenantContext => ({ tenantId, actor: SYSTEM_ACTOR, requestId: newId() });
