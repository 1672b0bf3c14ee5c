import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuditHttpModule } from '@saler/audit';
import { CatalogHttpModule, CatalogJobsModule } from '@saler/catalog';
import { ConversationsHttpModule, ConversationsJobsModule } from '@saler/conversations';
import { CrmHttpModule, CrmJobsModule } from '@saler/crm';
import { IdentityHttpModule } from '@saler/identity';
import { KnowledgeHttpModule } from '@saler/knowledge';
import { AppConfig, AuthModule, JobsHttpModule, PlatformModule, SchemaManifest } from '@saler/platform';
import { schemaFor } from '@saler/schema';

/** The contexts' HTTP modules (controllers). Each later context adds its *HttpModule here. */
const HTTP_MODULES: Type[] = [AuditHttpModule, IdentityHttpModule, CrmHttpModule, JobsHttpModule, CatalogHttpModule, KnowledgeHttpModule, ConversationsHttpModule];
/** The contexts' job modules (processors). The api runs them itself only on the inline queue. */
const JOBS_MODULES: Type[] = [CrmJobsModule, CatalogJobsModule, ConversationsJobsModule];

export interface ApiModuleOptions {
  schema?: SchemaManifest;
  /** Modules a test harness adds next to the real ones. */
  extraModules?: (Type | DynamicModule)[];
}

/** The HTTP app: composes modules, owns no logic. */
@Module({})
export class ApiModule {
  static register(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    const inline = config.queue.driver === 'inline';
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ config, schema: options.schema ?? schemaFor(config.database.driver), consumeQueues: inline }),
        AuthModule,
        ...HTTP_MODULES,
        ...(inline ? JOBS_MODULES : []),
        ...(options.extraModules ?? []),
      ],
    };
  }
}
