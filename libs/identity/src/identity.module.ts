import { Global, Module } from '@nestjs/common';
import { TenantGate } from '@saler/platform';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { SwitchTenantHandler } from './commands/switch-tenant/switch-tenant.handler';
import { SessionIssuer } from './domain/session-issuer';
import { IdentityTenantGate } from './identity-tenant-gate';
import { GetMeHandler } from './queries/get-me/get-me.handler';

/** Tenants, users, memberships and sessions: handlers, and the gate that closes suspended tenants. */
@Global()
@Module({
  providers: [SessionIssuer, RegisterHandler, LoginHandler, RefreshSessionHandler, LogoutHandler, SwitchTenantHandler, GetMeHandler, { provide: TenantGate, useClass: IdentityTenantGate }],
  exports: [TenantGate],
})
export class IdentityModule {}
