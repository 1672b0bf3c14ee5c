import { Global, Module } from '@nestjs/common';
import { ApiKeyAuthenticator, PlatformAdminDirectory, TenantGate } from '@saler/platform';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { InviteMemberHandler } from './commands/invite-member/invite-member.handler';
import { CreateApiKeyHandler } from './commands/create-api-key/create-api-key.handler';
import { CreatePlatformAdminHandler } from './commands/create-platform-admin/create-platform-admin.handler';
import { LoginHandler } from './commands/login/login.handler';
import { SeedDemoTenantHandler } from './commands/seed-demo-tenant/seed-demo-tenant.handler';
import { SetTenantStatusHandler } from './commands/set-tenant-status/set-tenant-status.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler';
import { UpdateMemberHandler } from './commands/update-member/update-member.handler';
import { SwitchTenantHandler } from './commands/switch-tenant/switch-tenant.handler';
import { UpdateTenantHandler } from './commands/update-tenant/update-tenant.handler';
import { SessionIssuer } from './domain/session-issuer';
import { IdentityApiKeyAuthenticator } from './identity-api-key-authenticator';
import { IdentityPlatformAdmins } from './identity-platform-admins';
import { IdentityTenantGate } from './identity-tenant-gate';
import { FindMemberHandler } from './queries/find-member/find-member.handler';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { GetTenantHandler } from './queries/get-tenant/get-tenant.handler';
import { ListApiKeysHandler } from './queries/list-api-keys/list-api-keys.handler';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListTenantsHandler } from './queries/list-tenants/list-tenants.handler';

/** Tenants, users, memberships and sessions: handlers, and the gate that closes suspended tenants. */
@Global()
@Module({
  providers: [
    SessionIssuer,
    RegisterHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    SwitchTenantHandler,
    GetMeHandler,
    FindMemberHandler,
    ListMembersHandler,
    UpdateMemberHandler,
    RemoveMemberHandler,
    InviteMemberHandler,
    AcceptInvitationHandler,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    GetTenantHandler,
    UpdateTenantHandler,
    ListTenantsHandler,
    SetTenantStatusHandler,
    CreatePlatformAdminHandler,
    SeedDemoTenantHandler,
    { provide: TenantGate, useClass: IdentityTenantGate },
    { provide: ApiKeyAuthenticator, useClass: IdentityApiKeyAuthenticator },
    { provide: PlatformAdminDirectory, useClass: IdentityPlatformAdmins },
  ],
  exports: [TenantGate, ApiKeyAuthenticator, PlatformAdminDirectory],
})
export class IdentityModule {}
