export * from './crm.entities';
export * from './crm.module';
export * from './crm-http.module';
export * from './crm-jobs.module';
