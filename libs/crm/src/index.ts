export * from './crm.entities';
export * from './crm.module';
export * from './crm-http.module';
export * from './crm-jobs.module';
export * from './commands/open-chat-leads/open-chat-leads.command';
export * from './commands/record-quote-requested/record-quote-requested.command';
