import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuditModule } from '@saler/audit';
import { CatalogJobsModule } from '@saler/catalog';
import { CrmJobsModule } from '@saler/crm';
import { AppConfig, PlatformModule, SchemaManifest } from '@saler/platform';
import { schemaFor } from '@saler/schema';

/** The contexts' job modules (processors). Each later context adds its *JobsModule here. */
const JOBS_MODULES: Type[] = [CrmJobsModule, CatalogJobsModule];

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
        ...JOBS_MODULES,
        ...(options.extraModules ?? []),
      ],
    };
  }
}
