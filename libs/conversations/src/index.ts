export * from './conversations.entities';
export * from './conversations.module';
export * from './conversations-http.module';
export * from './conversations-jobs.module';
export * from './commands/import-legacy-conversation/import-legacy-conversation.command';
export * from './commands/import-legacy-conversation/reg01-history';
export * from './commands/channel.view';
export * from './queries/get-channel/get-channel.query';
