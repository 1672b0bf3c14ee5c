import { Query } from '@nestjs/cqrs';

export interface TableRowCount {
  table: string;
  rows: number;
}

/** Exact row counts of every table, across all tenants (system path). */
export class DatabaseStatsQuery extends Query<TableRowCount[]> {}
