import { Module } from '@nestjs/common';
import { AdminTenantsController } from './http/admin-tenants.controller';
import { ApiKeysController } from './http/api-keys.controller';
import { AuthController } from './http/auth.controller';
import { InvitationsController } from './http/invitations.controller';
import { MembersController } from './http/members.controller';
import { MeController } from './http/me.controller';
import { TenantController } from './http/tenant.controller';
import { DemoTenantSeeder } from './demo-tenant.seeder';
import { IdentityModule } from './identity.module';

@Module({ imports: [IdentityModule], providers: [DemoTenantSeeder], controllers: [AuthController, MeController, MembersController, InvitationsController, ApiKeysController, TenantController, AdminTenantsController] })
export class IdentityHttpModule {}
