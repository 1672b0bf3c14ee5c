import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@saler/platform';
import { DEMO_TENANT, SeedDemoTenantCommand } from './commands/seed-demo-tenant/seed-demo-tenant.command';

/** `npm start` on a fresh machine (embedded SQLite) comes with a demo tenant to sign in to. */
@Injectable()
export class DemoTenantSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoTenant');

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoTenant) return;
    if (await this.commandBus.execute(new SeedDemoTenantCommand(randomUUID()))) {
      this.logger.log(`Demo tenant "${DEMO_TENANT.slug}" created: sign in with ${DEMO_TENANT.email} / ${DEMO_TENANT.password}`);
    }
  }
}
