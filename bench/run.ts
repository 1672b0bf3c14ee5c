/**
 * `npm run bench [scenario]`: starts the real api and worker on PostgreSQL + Redis as saler_app,
 * seeds what each scenario needs, drives it with autocannon, prints a table and writes
 * bench/results/<scenario>.json. Figures are measured, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { platform } from './scenarios/platform';
import { LOAD, StepResult } from './support/load';
import { startStack } from './support/stack';

interface Scenario {
  name: string;
  description: string;
  run(stack: Awaited<ReturnType<typeof startStack>>): Promise<StepResult[]>;
}

/** Later contexts add their scenarios here (crm, webhooks, catalog). */
const SCENARIOS: Scenario[] = [platform];

function printTable(scenario: string, rows: StepResult[]): void {
  const header = ['step', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'api RSS MB'];
  const lines = rows.map((row) => [row.step, String(row.requestsPerSecond), String(row.p50Ms), String(row.p99Ms), String(row.errors), String(row.apiRssMb)]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${scenario}\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n${lines.map(format).join('\n')}\n`);
}

async function main(): Promise<void> {
  const wanted = process.argv[2];
  const selected = wanted ? SCENARIOS.filter((scenario) => scenario.name === wanted) : SCENARIOS;
  if (selected.length === 0) {
    process.stderr.write(`Unknown scenario "${wanted}". Available: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}\n`);
    process.exit(1);
  }
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
  process.stdout.write(`Node ${machine.node}, ${machine.cpus} CPUs; ${LOAD.connections} connections, ${LOAD.durationSeconds} s per step (after ${LOAD.warmupSeconds} s warm-up)\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  for (const scenario of selected) {
    process.stdout.write(`\nStarting api + worker for "${scenario.name}": ${scenario.description}\n`);
    const stack = await startStack();
    try {
      const rows = await scenario.run(stack);
      printTable(scenario.name, rows);
      writeFileSync(join(dir, `${scenario.name}.json`), `${JSON.stringify({ scenario: scenario.name, at: new Date().toISOString(), machine, load: LOAD, rows }, null, 2)}\n`);
    } finally {
      await stack.stop();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
