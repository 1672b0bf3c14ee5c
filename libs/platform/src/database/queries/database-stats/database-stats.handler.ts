import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SystemUnitOfWork } from '../../system-unit-of-work';
import { DatabaseStatsQuery, TableRowCount } from './database-stats.query';

@QueryHandler(DatabaseStatsQuery)
export class DatabaseStatsHandler implements IQueryHandler<DatabaseStatsQuery, TableRowCount[]> {
  constructor(private readonly system: SystemUnitOfWork) {}

  execute(): Promise<TableRowCount[]> {
    return this.system.run(async (manager) => {
      const tables: { name: string }[] = this.system.isPostgres
        ? await manager.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
        : await manager.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
      const counts: TableRowCount[] = [];
      for (const { name } of tables) {
        const [row] = (await manager.query(`SELECT COUNT(*) AS count FROM "${name.replace(/"/g, '""')}"`)) as { count: string | number }[];
        counts.push({ table: name, rows: Number(row.count) });
      }
      return counts;
    });
  }
}
