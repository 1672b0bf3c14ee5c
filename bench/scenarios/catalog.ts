import { performance } from 'node:perf_hooks';
import { QueryBus } from '@nestjs/cqrs';
import { newId, TenantContext } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { CalculateQuoteQuery } from '../../libs/catalog/src/queries/calculate-quote/calculate-quote.query';
import { QuoteView } from '../../libs/catalog/src/queries/calculate-quote/quote.view';
import { SearchModelsQuery } from '../../libs/catalog/src/queries/search-models/search-models.query';
import { ApiSession } from '../support/api-session';
import { startAppContext } from '../support/app-context';
import { awaitJob, misspellings, modelsCsv, seedModels, seedPrices, TenantCatalog, uploadModels, vacuumCatalog } from '../support/catalog-seed';
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

interface Timings<T> {
  p50: number;
  p95: number;
  p99: number;
  answers: T[];
}

/**
 * Unmeasured rounds before the measured ones: five passes over the misspellings. A long-lived api has warm connections;
 * a new PostgreSQL backend still maps each shared page it touches for the first time (its first 200 searches took 6,300
 * minor page faults and a p50 of 3.3 ms, later ones 200–1,300 faults and 1.8–2.5 ms).
 */
const WARM_UP = 5 * QUERIES.length;

/**
 * One at a time, in rounds: round n awaits `calls[0](n)`, then `calls[1](n)`, and so on, so every route meets the same
 * warmth and the same noise of the machine (timed one route after the other, the first one measured slowest). `count`
 * rounds are timed after WARM_UP unmeasured ones; the timings of each call, in the order of `calls`.
 */
async function interleaved<T>(count: number, calls: ((n: number) => Promise<T>)[]): Promise<Timings<T>[]> {
  const timings = calls.map((): number[] => []);
  const answers = calls.map((): T[] => []);
  for (let n = 0; n < count + WARM_UP; n++) {
    for (const [index, call] of calls.entries()) {
      const started = performance.now();
      const answer = await call(n);
      const ms = performance.now() - started;
      if (n < WARM_UP) continue;
      timings[index].push(ms);
      answers[index].push(answer);
    }
  }
  return timings.map((ms, index) => {
    ms.sort((a, b) => a - b);
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), answers: answers[index] };
  });
}

/** One request over one keep-alive connection: the handler's cost plus HTTP, auth and JSON, without queueing behind other requests. */
async function request(base: string, { path, method, headers, body }: Probe): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** "search 412, ambiguous 70, none 18": how quotes by modelQuery resolved their model. */
function matchCounts(quotes: (QuoteView | null)[]): string {
  const matches = new Map<string, number>();
  for (const quote of quotes) {
    const match = quote?.match ?? 'error';
    matches.set(match, (matches.get(match) ?? 0) + 1);
  }
  return [...matches.entries()].map(([match, count]) => `${match} ${count}`).join(', ');
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
    const vacuumMs = await vacuumCatalog(stack.ownerUrl);
    const seedMs = Date.now() - seedStarted;
    log(`seeded in ${seconds(seedMs)} s with registration, prices and VACUUM (ANALYZE) (${seconds(vacuumMs)} s)`);
    figures['seed: tenants × models'] = `${TENANTS} × ${MODELS}`;
    figures[`seed: import s (${TENANTS} CSV jobs, upload → all completed)`] = seconds(importMs);
    figures['seed: import rows/s'] = Math.round(processed / (importMs / 1000));
    figures['seed: VACUUM (ANALYZE) s (the test server runs without autovacuum)'] = seconds(vacuumMs);
    figures['seed: total s (register + import + prices + VACUUM)'] = seconds(seedMs);

    const headers = await Promise.all(tenants.map((tenant) => tenant.session.headers()));
    // Request n asks misspelling n of the list (all 200 in turn) of tenant n, shifted by one tenant on every pass over the list.
    const tenantOf = (n: number) => (n + Math.floor(n / QUERIES.length)) % TENANTS;
    const query = (n: number) => QUERIES[n % QUERIES.length];
    const byQuery = (n: number) => {
      const tenant = tenants[tenantOf(n)];
      return { modelQuery: query(n), categoryId: tenant.categoryId, optionIds: tenant.optionIds };
    };
    const byId = (n: number) => {
      const tenant = tenants[tenantOf(n)];
      return { modelId: tenant.modelIds[n % tenant.modelIds.length], categoryId: tenant.categoryId, optionIds: tenant.optionIds };
    };
    const search = (n: number): Probe => ({ method: 'GET', path: `/api/v1/catalog/models/search?q=${encodeURIComponent(query(n))}`, headers: headers[tenantOf(n)] });
    const quoteByQuery = (n: number): Probe => ({ method: 'POST', path: '/api/v1/catalog/quotes', headers: headers[tenantOf(n)], body: byQuery(n) });
    const quoteById = (n: number): Probe => ({ method: 'POST', path: '/api/v1/catalog/quotes', headers: headers[tenantOf(n)], body: byId(n) });

    // (c) the handlers alone: the same queries through the QueryBus of an application context in this process, as saler_app.
    log(`handler level: SearchModelsQuery, CalculateQuoteQuery by modelQuery and by modelId, in turn, × ${SEQUENTIAL} each, in-process…`);
    const app = await startAppContext(stack, [CatalogModule]);
    try {
      const queryBus = app.get(QueryBus);
      const contextOf = (n: number): TenantContext => {
        const { session } = tenants[tenantOf(n)];
        return { tenantId: session.tenantId, actor: { type: 'user', id: session.userId }, requestId: newId() };
      };
      let threw = 0;
      /** The handler's answer, or null when it throws (counted). */
      const execute = (built: SearchModelsQuery | CalculateQuoteQuery): Promise<unknown> =>
        queryBus.execute(built).catch(() => {
          threw++;
          return null;
        });
      const handlers: [string, (n: number) => Promise<unknown>][] = [
        ['SearchModelsQuery <misspelt>', (n) => execute(new SearchModelsQuery(contextOf(n), query(n)))],
        ['CalculateQuoteQuery {modelQuery}', (n) => execute(new CalculateQuoteQuery(contextOf(n), byQuery(n)))],
        ['CalculateQuoteQuery {modelId}', (n) => execute(new CalculateQuoteQuery(contextOf(n), byId(n)))],
      ];
      const results = await interleaved(SEQUENTIAL, handlers.map(([, call]) => call));
      for (const [index, [name]] of handlers.entries()) {
        const result = results[index];
        figures[`handler level (in-process QueryBus, ${SEQUENTIAL} queries) ${name}: p50 / p95 / p99 ms`] = `${result.p50} / ${result.p95} / ${result.p99}`;
        if (name === 'CalculateQuoteQuery {modelQuery}') figures['handler level quotes {modelQuery}: match counts'] = matchCounts(result.answers as (QuoteView | null)[]);
      }
      if (threw > 0) figures['handler level: queries that threw'] = threw;
    } finally {
      await app.close();
    }

    // (b) one request at a time, over HTTP.
    const probes: [string, (n: number) => Probe][] = [
      ['GET /catalog/models/search?q=<misspelt>', search],
      ['POST /catalog/quotes {modelQuery}', quoteByQuery],
      ['POST /catalog/quotes {modelId}', quoteById],
    ];
    log(`sequential ${probes.map(([name]) => name).join(', ')}, in turn, × ${SEQUENTIAL} each…`);
    const answered = await interleaved(SEQUENTIAL, probes.map(([, probe]) => (n: number) => request(stack.base, probe(n))));
    for (const [index, [name, probe]] of probes.entries()) {
      const result = answered[index];
      figures[`sequential (1 connection, ${SEQUENTIAL} req) ${name}: p50 / p95 / p99 ms`] = `${result.p50} / ${result.p95} / ${result.p99}`;
      const non2xx = result.answers.filter((answer) => answer.status < 200 || answer.status > 299).length;
      if (non2xx > 0) figures[`sequential ${name}: non-2xx`] = non2xx;
      if (probe === quoteByQuery) figures['sequential quotes {modelQuery}: match counts'] = matchCounts(result.answers.map((answer) => (answer.status === 200 ? (answer.body as QuoteView) : null)));
    }

    // (a) autocannon, LOAD.connections connections, queries and tenants rotated per request.
    const rows: StepResult[] = [];
    for (const [name, probe] of probes) {
      log(`driving ${name}…`);
      const first = probe(0);
      rows.push(await drive(stack, { name: `${name} (${TENANTS} tenants)`, path: first.path, method: first.method, headers: first.headers, requestFor: (n) => probe(n) }));
    }
    figures['target (measured, not asserted)'] = 'p95 ≤ 5 ms at the handler level (the in-process figures; the sequential ones add HTTP, auth and JSON); autocannon prints p97.5, not p95';
    return { rows, figures };
  },
};
