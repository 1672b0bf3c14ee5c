import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CursorCodec } from '../pagination/cursor-codec';
import { OutboxSignal } from '../outbox/outbox-signal';
import { dataSourceOptions, SchemaManifest } from './data-source-options';
import { APP_DATA_SOURCE, SYSTEM_DATA_SOURCE } from './database.tokens';
import { assertNoPendingMigrations, assertRowLevelSecurityApplies, assertSystemRoleUsable, StartupError } from './startup-checks';
import { DatabaseStatsHandler } from './queries/database-stats/database-stats.handler';
import { SystemUnitOfWork } from './system-unit-of-work';
import { UnitOfWork } from './unit-of-work';

async function initialise(dataSource: DataSource, what: string): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new StartupError(`Cannot connect to the ${what} database: ${(error as Error).message}`);
  }
}

/**
 * Owns the DataSources. It exports the units of work, never a DataSource or a repository: a
 * tenant table is reachable only inside `UnitOfWork.run`.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly app: DataSource,
    @Inject(SYSTEM_DATA_SOURCE) private readonly system: DataSource,
  ) {}

  /** `runsSystemWork`: this process runs the outbox relay and jobs, so its system login must be able to take the system role. */
  static forRoot(schema: SchemaManifest, runsSystemWork: boolean): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: APP_DATA_SOURCE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const dataSource = await initialise(new DataSource(dataSourceOptions(config.database, 'app', schema)), 'application');
            if (config.database.driver === 'better-sqlite3') {
              await dataSource.runMigrations({ transaction: 'each' });
            } else {
              await assertRowLevelSecurityApplies(dataSource);
              await assertNoPendingMigrations(dataSource);
            }
            return dataSource;
          },
        },
        {
          provide: SYSTEM_DATA_SOURCE,
          inject: [APP_CONFIG, APP_DATA_SOURCE],
          useFactory: async (config: AppConfig, app: DataSource) => {
            if (config.database.driver !== 'postgres') return app;
            const system = await initialise(new DataSource(dataSourceOptions(config.database, 'system', schema)), 'system');
            if (runsSystemWork) await assertSystemRoleUsable(system, config.database.systemRole);
            return system;
          },
        },
        OutboxSignal,
        UnitOfWork,
        SystemUnitOfWork,
        DatabaseStatsHandler,
        CursorCodec,
      ],
      exports: [APP_DATA_SOURCE, SYSTEM_DATA_SOURCE, UnitOfWork, SystemUnitOfWork, OutboxSignal, CursorCodec],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.system !== this.app && this.system.isInitialized) await this.system.destroy();
    if (this.app.isInitialized) await this.app.destroy();
  }
}
