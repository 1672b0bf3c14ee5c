export * from './conversations.entities';
