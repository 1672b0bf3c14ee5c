import { ClsStore } from 'nestjs-cls';
import { Actor } from './tenant-context';

/**
 * The ambient context of one request or one job, carried by nestjs-cls. Logs read it; commands
 * never do: they receive their TenantContext explicitly.
 */
export interface RequestContextStore extends ClsStore {
  requestId: string;
  tenantId?: string;
  actor?: Actor;
  role?: string;
  ip?: string;
  userAgent?: string;
}
