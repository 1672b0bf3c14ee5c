import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SYSTEM_DATA_SOURCE } from './database.tokens';
import { inTransaction, isPostgres } from './transactions';

/**
 * The deliberate path for cross-tenant system work: the outbox relay, schedulers, statistics.
 * On PostgreSQL each transaction switches to the `saler_system` role (BYPASSRLS) with
 * `SET LOCAL ROLE`; that works only on the system connection, whose login is a member of that
 * role. The application login (saler_app) is not, so it cannot take this path itself.
 */
@Injectable()
export class SystemUnitOfWork {
  constructor(
    @Inject(SYSTEM_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get isPostgres(): boolean {
    return isPostgres(this.dataSource);
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      if (this.config.database.driver === 'postgres') {
        await manager.query(`SET LOCAL ROLE ${quoteIdent(this.config.database.systemRole)}`);
      }
      return work(manager);
    });
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
