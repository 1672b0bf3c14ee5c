import { Command } from '@nestjs/cqrs';

export const DEMO_TENANT = { slug: 'demo', name: 'Demo Shop', email: 'demo@saler.local', password: 'saler-demo-password', ownerName: 'Demo Owner' } as const;

/** Registers the demo tenant when the database has no tenant yet; true when it did. */
export class SeedDemoTenantCommand extends Command<boolean> {
  constructor(readonly requestId: string) {
    super();
  }
}
