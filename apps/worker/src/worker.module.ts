import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuditModule } from '@saler/audit';
import { CatalogJobsModule } from '@saler/catalog';
import { ConversationsJobsModule } from '@saler/conversations';
import { CrmJobsModule } from '@saler/crm';
import { IdentityModule } from '@saler/identity';
import { KnowledgeModule } from '@saler/knowledge';
import { AppConfig, PlatformModule, SchemaManifest } from '@saler/platform';
import { schemaFor } from '@saler/schema';

/** The contexts' job modules (processors). Each later context adds its *JobsModule here. */
const JOBS_MODULES: Type[] = [CrmJobsModule, CatalogJobsModule, ConversationsJobsModule];

export interface WorkerModuleOptions {
  schema?: SchemaManifest;
  /** Modules a test harness adds next to the real ones. */
  extraModules?: (Type | DynamicModule)[];
}

/** The worker: job processors, schedulers and the outbox relay, over the same libraries as the api. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig, options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config, schema: options.schema ?? schemaFor(config.database.driver), consumeQueues: true }),
        AuditModule,
        // Queries the jobs send to other contexts: the bot's (bot profile, FAQ match, LLM) and retention's (the tenant's retention days).
        KnowledgeModule,
        IdentityModule,
        ...JOBS_MODULES,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
