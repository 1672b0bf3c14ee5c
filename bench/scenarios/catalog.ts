import { performance } from 'node:perf_hooks';
import { ApiSession } from '../support/api-session';
import { awaitJob, misspellings, modelsCsv, seedModels, seedPrices, TenantCatalog, uploadModels } from '../support/catalog-seed';
import { drive, ScenarioReport, StepResult } from '../support/load';
import { Stack } from '../support/stack';

const TENANTS = Number(process.env.BENCH_CATALOG_TENANTS ?? 20);
const MODELS = Number(process.env.BENCH_CATALOG_MODELS ?? 5_000);
const IMPORT_TIMEOUT_SECONDS = Number(process.env.BENCH_IMPORT_TIMEOUT ?? 1_800);
/** Requests of the one-at-a-time pass, per route. */
const SEQUENTIAL = Number(process.env.BENCH_CATALOG_SEQUENTIAL ?? 500);
const QUERIES = misspellings(seedModels(MODELS), 200);

const log = (line: string) => process.stdout.write(`  ${line}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;
}

interface Probe {
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
}

/** One request at a time over one keep-alive connection: the handler's cost plus HTTP, without queueing behind other requests. */
async function sequential(base: string, count: number, probe: (n: number) => Probe): Promise<{ p50: number; p95: number; p99: number; non2xx: number; bodies: unknown[] }> {
  const timings: number[] = [];
  const bodies: unknown[] = [];
  let non2xx = 0;
  for (let n = 0; n < count + 20; n++) {
    const { path, method, headers, body } = probe(n);
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer: unknown = await response.json();
    const ms = performance.now() - started;
    if (n < 20) continue; // warm-up
    timings.push(ms);
    bodies.push(answer);
    if (response.status < 200 || response.status > 299) non2xx++;
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p95: percentile(timings, 95), p99: percentile(timings, 99), non2xx, bodies };
}

export const catalog = {
  name: 'catalog',
  description: `${TENANTS} tenants × ${MODELS.toLocaleString('en')} models (CSV import through the api): misspelt model search, quotes by modelQuery and by modelId`,
  env: { RATE_LIMIT_PER_MINUTE: '1000000000', RATE_LIMIT_AUTH_PER_MINUTE: '1000000000' },
  async run(stack: Stack): Promise<ScenarioReport> {
    const figures: ScenarioReport['figures'] = { queue: stack.queue };

    const seedStarted = Date.now();
    const sessions: ApiSession[] = [];
    for (let t = 0; t < TENANTS; t++) sessions.push(await ApiSession.register(stack.base, `catalog${t}`));
    log(`${TENANTS} tenants registered in ${seconds(Date.now() - seedStarted)} s; importing ${MODELS.toLocaleString('en')} models each through POST /api/v1/imports/catalog…`);
    const csv = modelsCsv(seedModels(MODELS));
    const importStarted = Date.now();
    const jobIds = await Promise.all(sessions.map((session) => uploadModels(session, csv)));
    const jobs = await Promise.all(sessions.map((session, t) => awaitJob(session, jobIds[t], IMPORT_TIMEOUT_SECONDS)));
    const importMs = Date.now() - importStarted;
    const failedJobs = jobs.filter((job) => job.status !== 'completed' || job.failed > 0);
    if (failedJobs.length > 0) throw new Error(`${failedJobs.length} catalog imports did not complete cleanly, first: ${JSON.stringify(failedJobs[0]).slice(0, 500)}`);
    const processed = jobs.reduce((sum, job) => sum + job.processed, 0);
    log(`imported ${processed.toLocaleString('en')} models in ${seconds(importMs)} s (${Math.round(processed / (importMs / 1000))} rows/s, ${TENANTS} jobs at once); seeding prices…`);
    const tenants: TenantCatalog[] = await Promise.all(sessions.map((session) => seedPrices(session)));
    const seedMs = Date.now() - seedStarted;
    log(`seeded in ${seconds(seedMs)} s with registration and prices`);
    figures['seed: tenants × models'] = `${TENANTS} × ${MODELS}`;
    figures[`seed: import s (${TENANTS} CSV jobs, upload → all completed)`] = seconds(importMs);
    figures['seed: import rows/s'] = Math.round(processed / (importMs / 1000));
    figures['seed: total s (register + import + prices)'] = seconds(seedMs);

    const headers = await Promise.all(tenants.map((tenant) => tenant.session.headers()));
    const tenantOf = (n: number) => n % TENANTS;
    const query = (n: number) => QUERIES[Math.floor(n / TENANTS) % QUERIES.length];
    const search = (n: number): Probe => ({ method: 'GET', path: `/api/v1/catalog/models/search?q=${encodeURIComponent(query(n))}`, headers: headers[tenantOf(n)] });
    const quoteByQuery = (n: number): Probe => {
      const tenant = tenants[tenantOf(n)];
      return { method: 'POST', path: '/api/v1/catalog/quotes', headers: headers[tenantOf(n)], body: { modelQuery: query(n), categoryId: tenant.categoryId, optionIds: tenant.optionIds } };
    };
    const quoteById = (n: number): Probe => {
      const tenant = tenants[tenantOf(n)];
      return { method: 'POST', path: '/api/v1/catalog/quotes', headers: headers[tenantOf(n)], body: { modelId: tenant.modelIds[n % tenant.modelIds.length], categoryId: tenant.categoryId, optionIds: tenant.optionIds } };
    };

    // (b) one request at a time: the closest this harness gets to the handler's own latency.
    const probes: [string, (n: number) => Probe][] = [
      ['GET /catalog/models/search?q=<misspelt>', search],
      ['POST /catalog/quotes {modelQuery}', quoteByQuery],
      ['POST /catalog/quotes {modelId}', quoteById],
    ];
    for (const [name, probe] of probes) {
      log(`sequential ${name} × ${SEQUENTIAL}…`);
      const result = await sequential(stack.base, SEQUENTIAL, probe);
      figures[`sequential (1 connection, ${SEQUENTIAL} req) ${name}: p50 / p95 / p99 ms`] = `${result.p50} / ${result.p95} / ${result.p99}`;
      if (result.non2xx > 0) figures[`sequential ${name}: non-2xx`] = result.non2xx;
      if (probe === quoteByQuery) {
        const matches = new Map<string, number>();
        for (const body of result.bodies) {
          const match = (body as { match?: string }).match ?? 'error';
          matches.set(match, (matches.get(match) ?? 0) + 1);
        }
        figures['sequential quotes {modelQuery}: match counts'] = [...matches.entries()].map(([match, count]) => `${match} ${count}`).join(', ');
      }
    }

    // (a) autocannon, LOAD.connections connections, queries and tenants rotated per request.
    const rows: StepResult[] = [];
    for (const [name, probe] of probes) {
      log(`driving ${name}…`);
      const first = probe(0);
      rows.push(await drive(stack, { name: `${name} (${TENANTS} tenants)`, path: first.path, method: first.method, headers: first.headers, requestFor: (n) => probe(n) }));
    }
    figures['target (measured, not asserted)'] = 'p95 ≤ 5 ms at the handler level; the sequential figures are the nearest (they include HTTP, auth and JSON); autocannon prints p97.5, not p95';
    return { rows, figures };
  },
};
