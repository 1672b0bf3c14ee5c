export * from './audit.entities';
export * from './audit.module';
export * from './audit-http.module';
