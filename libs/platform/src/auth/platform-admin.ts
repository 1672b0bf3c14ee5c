import { SetMetadata } from '@nestjs/common';

export const PLATFORM_ADMIN_ONLY = Symbol('PLATFORM_ADMIN_ONLY');

/** The tenant id of a platform admin's session outside any tenant: it matches no tenant's rows. */
export const NO_TENANT = '00000000-0000-0000-0000-000000000000';

/** Routes under /api/v1/admin: only users flagged as platform admins, whatever their tenant role. */
export const PlatformAdminOnly = () => SetMetadata(PLATFORM_ADMIN_ONLY, true);

/** Whether a user is a platform admin right now (checked on every admin request). libs/identity implements it. */
export abstract class PlatformAdminDirectory {
  abstract isPlatformAdmin(userId: string): Promise<boolean>;
}
