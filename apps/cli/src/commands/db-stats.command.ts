import { QueryBus } from '@nestjs/cqrs';
import { Command, CommandRunner } from 'nest-commander';
import { DatabaseStatsQuery } from '@saler/platform';

/** `saler db:stats`: exact row counts per table, across all tenants. */
@Command({ name: 'db:stats', description: 'Print the number of rows in every table' })
export class DbStatsCommand extends CommandRunner {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async run(): Promise<void> {
    const counts = await this.queryBus.execute(new DatabaseStatsQuery());
    const width = Math.max(5, ...counts.map((count) => count.table.length));
    process.stdout.write(`${'table'.padEnd(width)}  rows\n`);
    for (const { table, rows } of counts) process.stdout.write(`${table.padEnd(width)}  ${rows}\n`);
  }
}
