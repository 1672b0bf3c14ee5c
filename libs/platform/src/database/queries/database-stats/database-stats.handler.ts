import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SystemUnitOfWork } from '../../system-unit-of-work';
import { DatabaseStatsQuery, TableRowCount } from './database-stats.query';

@QueryHandler(DatabaseStatsQuery)
export class DatabaseStatsHandler implements IQueryHandler<DatabaseStatsQuery, TableRowCount[]> {
  constructor(private readonly system: SystemUnitOfWork) {}

  execute(): Promise<TableRowCount[]> {
    return this.system.run(async (manager) => {
      const tables: { name: string }[] = this.system.isPostgres
        ? // A partition's rows are counted with its table (partitions are reached only through it).
          await manager.query(
            `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
          )
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
