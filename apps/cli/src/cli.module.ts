import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@saler/audit';
import { CatalogModule } from '@saler/catalog';
import { ConversationsModule } from '@saler/conversations';
import { CrmModule } from '@saler/crm';
import { IdentityModule } from '@saler/identity';
import { AppConfig, PlatformModule } from '@saler/platform';
import { schemaFor } from '@saler/schema';
import { AdminCreateCommand } from './commands/admin-create.command';
import { DbStatsCommand } from './commands/db-stats.command';
import { ImportCatalogCommand } from './commands/import-catalog.command';
import { ImportReg01Command } from './commands/import-reg01.command';

/** The CLI: commands are adapters over the same commands and queries the api and worker use. */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot({ config, schema: schemaFor(config.database.driver), consumeQueues: false }), AuditModule, IdentityModule, CatalogModule, CrmModule, ConversationsModule],
      providers: [DbStatsCommand, AdminCreateCommand, ImportCatalogCommand, ImportReg01Command],
    };
  }
}
