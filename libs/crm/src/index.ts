export * from './crm.entities';
