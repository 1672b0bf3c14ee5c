export * from './identity.entities';
export * from './identity.module';
export * from './identity-http.module';
export * from './commands/session.response';
export * from './commands/create-platform-admin/create-platform-admin.command';
export * from './queries/find-member/find-member.query';
export * from './queries/find-member/require-active-member';
export * from './queries/get-tenant/get-tenant.query';
