/**
 * `npm run bench [scenario]`: starts the real api and worker on PostgreSQL + Redis as saler_app,
 * seeds what each scenario needs, drives it with autocannon, prints a table and writes
 * bench/results/<scenario>.json. Figures are measured, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { catalog } from './scenarios/catalog';
import { crm } from './scenarios/crm';
import { platform } from './scenarios/platform';
import { webhooks } from './scenarios/webhooks';
import { LOAD, ScenarioFixture, ScenarioReport, StepResult } from './support/load';
import { startStack } from './support/stack';

interface Scenario {
  name: string;
  description: string;
  /** Extra environment for the api and worker of this scenario. */
  env?: Record<string, string>;
  /** Started before the api and worker, closed after them. */
  fixture?(): Promise<ScenarioFixture>;
  run(stack: Awaited<ReturnType<typeof startStack>>): Promise<StepResult[] | ScenarioReport>;
}

const SCENARIOS: Scenario[] = [platform, crm, catalog, webhooks];

function printTable(scenario: string, rows: StepResult[]): void {
  const header = ['step', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx', 'api CPU ms/req', 'api RSS MB'];
  const lines = rows.map((row) => [
    row.step,
    String(row.requestsPerSecond),
    String(row.p50Ms),
    String(row.p97_5Ms),
    String(row.p99Ms),
    String(row.errors),
    String(row.non2xx),
    row.apiCpuMsPerRequest.toFixed(1),
    String(row.apiRssMb),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  process.stdout.write(`\n${scenario}\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n${lines.map(format).join('\n')}\n`);
}

function printFigures(figures: ScenarioReport['figures']): void {
  const entries = Object.entries(figures);
  if (entries.length === 0) return;
  const width = Math.max(...entries.map(([name]) => name.length));
  process.stdout.write(`\n${entries.map(([name, value]) => `${name.padEnd(width)}  ${value ?? '-'}`).join('\n')}\n`);
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
  // An interrupted run still stops its processes and drops its database.
  let current: Awaited<ReturnType<typeof startStack>> | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the stack and dropping its database…\n`);
      void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  for (const scenario of selected) {
    process.stdout.write(`\nStarting api + worker for "${scenario.name}": ${scenario.description}\n`);
    const fixture = await scenario.fixture?.();
    try {
      const stack = await startStack({ env: { ...scenario.env, ...fixture?.env, ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}) } });
      current = stack;
      try {
        const outcome = await scenario.run(stack);
        const { rows, figures } = Array.isArray(outcome) ? { rows: outcome, figures: {} } : outcome;
        printTable(scenario.name, rows);
        printFigures(figures);
        writeFileSync(join(dir, `${scenario.name}.json`), `${JSON.stringify({ scenario: scenario.name, at: new Date().toISOString(), machine, load: LOAD, rows, figures }, null, 2)}\n`);
      } finally {
        current = undefined;
        await stack.stop();
      }
    } finally {
      await fixture?.close();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
