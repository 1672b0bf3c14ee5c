import { ApiSession } from '../support/api-session';
import { importLeads } from '../support/crm-import';
import { SEED_TAGS, SeedStage, seedLeads } from '../support/crm-seed';
import { drive, ScenarioReport, StepResult } from '../support/load';
import { logEntries, summarise } from '../support/logs';
import { Stack } from '../support/stack';

const SEED_LEADS = Number(process.env.BENCH_CRM_LEADS ?? 200_000);
const IMPORT_ROWS = Number(process.env.BENCH_CRM_IMPORT_ROWS ?? 100_000);
const IMPORT_TIMEOUT_SECONDS = Number(process.env.BENCH_IMPORT_TIMEOUT ?? 1_800);
/** The deep cursor: WALK_PAGES pages of WALK_LIMIT rows (100k rows deep, halfway), then used with limit=50: a cursor is bound to its sort, not its limit. */
const WALK_LIMIT = 200;
const WALK_PAGES = Math.max(1, Math.min(500, Math.floor(SEED_LEADS / 2 / WALK_LIMIT)));
const FILTER_TAG = 'vip';

interface PipelineList {
  data: { id: string; isDefault: boolean; stages: SeedStage[] }[];
}

interface LeadPage {
  data: { id: string }[];
  nextCursor: string | null;
}

const log = (line: string) => process.stdout.write(`  ${line}\n`);

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Follows nextCursor `pages` times with `limit` rows a page and returns the last cursor, plus the walk's timings. */
async function walk(session: ApiSession, pages: number, limit: number): Promise<{ cursor: string; rows: number; ms: number; firstPageMs: number; lastPageMs: number }> {
  let cursor: string | null = null;
  let rows = 0;
  const timings: number[] = [];
  const started = Date.now();
  for (let page = 0; page < pages; page++) {
    const pageStarted = Date.now();
    const answer: { status: number; body: LeadPage } = await session.get<LeadPage>(`/api/v1/leads?limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    timings.push(Date.now() - pageStarted);
    if (answer.status !== 200) throw new Error(`Walking the leads: page ${page + 1} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    rows += answer.body.data.length;
    cursor = answer.body.nextCursor;
    if (cursor === null) throw new Error(`Walking the leads: no nextCursor after page ${page + 1} (${rows} rows)`);
  }
  const average = (values: number[]) => Math.round(values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length));
  return { cursor: cursor as string, rows, ms: Date.now() - started, firstPageMs: average(timings.slice(0, 10)), lastPageMs: average(timings.slice(-10)) };
}

export const crm = {
  name: 'crm',
  description: `1 tenant × ${SEED_LEADS.toLocaleString('en')} leads: list pages (first, deep, by score, filtered), lead creation, CSV import of ${IMPORT_ROWS.toLocaleString('en')} rows`,
  // autocannon measures the api, not the limiter (processes.ts already sets 1,000,000/min; this is for more than 16k req/s).
  env: { RATE_LIMIT_PER_MINUTE: '1000000000', RATE_LIMIT_AUTH_PER_MINUTE: '1000000000' },
  async run(stack: Stack): Promise<ScenarioReport> {
    const figures: ScenarioReport['figures'] = { queue: stack.queue };

    const seedStarted = Date.now();
    const session = await ApiSession.register(stack.base, 'crm');
    const pipelines = await session.get<PipelineList>('/api/v1/pipelines');
    const pipeline = pipelines.body?.data?.find((candidate) => candidate.isDefault);
    if (pipelines.status !== 200 || pipeline === undefined) throw new Error(`GET /api/v1/pipelines answered ${pipelines.status} without a default pipeline: ${JSON.stringify(pipelines.body).slice(0, 300)}`);
    log(`tenant ${session.tenantId} registered; seeding ${SEED_LEADS.toLocaleString('en')} contacts + leads into PostgreSQL as the database owner…`);
    const seed = await seedLeads({ ownerUrl: stack.ownerUrl, tenantId: session.tenantId, pipelineId: pipeline.id, stages: pipeline.stages, assigneeId: session.userId, leads: SEED_LEADS });
    const seedMs = Date.now() - seedStarted;
    log(`seeded ${seed.leads} leads, ${seed.contacts} contacts, ${seed.leadTags} lead_tags: INSERT ${seconds(seed.insertMs)} s, ANALYZE ${seconds(seed.analyzeMs)} s, ${seconds(seedMs)} s with registration`);
    figures['seed: leads / contacts / lead_tags'] = `${seed.leads} / ${seed.contacts} / ${seed.leadTags}`;
    figures['seed: INSERT s'] = seconds(seed.insertMs);
    figures['seed: ANALYZE s'] = seconds(seed.analyzeMs);
    figures['seed: total s (register + INSERT + ANALYZE)'] = seconds(seedMs);
    figures['seed: rows/s (leads)'] = Math.round(seed.leads / (seed.insertMs / 1000));

    const check = await session.get<LeadPage>(`/api/v1/leads?limit=1&tag=${FILTER_TAG}&status=open`);
    if (check.status !== 200 || check.body.data.length !== 1) throw new Error(`The seeded leads are not visible through the api: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);

    log(`walking ${WALK_PAGES} pages of ${WALK_LIMIT} for a deep cursor…`);
    const deep = await walk(session, WALK_PAGES, WALK_LIMIT);
    log(`deep cursor after ${deep.rows} rows in ${seconds(deep.ms)} s (limit=${WALK_LIMIT}: first 10 pages ${deep.firstPageMs} ms avg, last 10 ${deep.lastPageMs} ms avg, one client)`);
    figures['deep cursor: rows skipped'] = deep.rows;
    figures[`deep cursor: walk s (${WALK_PAGES} × limit=${WALK_LIMIT})`] = seconds(deep.ms);
    figures[`walk limit=${WALK_LIMIT}: first 10 / last 10 pages avg ms`] = `${deep.firstPageMs} / ${deep.lastPageMs}`;

    const rows: StepResult[] = [];
    const step = async (name: string, path: string) => {
      log(`driving ${name}…`);
      const result = await drive(stack, { name, path, headers: await session.headers() });
      rows.push(result);
      return result;
    };
    const first = await step('GET /leads?limit=50 (first page)', '/api/v1/leads?limit=50');
    const deepPage = await step(`GET /leads?limit=50&cursor=<${deep.rows} deep>`, `/api/v1/leads?limit=50&cursor=${encodeURIComponent(deep.cursor)}`);
    figures['deep p50 / first p50 (target ≤ 1.3)'] = first.p50Ms > 0 ? Math.round((deepPage.p50Ms / first.p50Ms) * 100) / 100 : null;
    await step('GET /leads?limit=50&sort=-score', '/api/v1/leads?limit=50&sort=-score');
    const tagShare = SEED_TAGS.find(([tag]) => tag === FILTER_TAG)?.[1] ?? 0;
    await step(`GET /leads?limit=50&status=open&tag=${FILTER_TAG} (${Math.round(tagShare * 100)}% tagged)`, `/api/v1/leads?limit=50&status=open&tag=${FILTER_TAG}`);

    log('driving POST /leads…');
    rows.push(
      await drive(stack, {
        name: 'POST /leads (new contact each)',
        path: '/api/v1/leads',
        method: 'POST',
        headers: await session.headers(),
        bodyFor: (n) => ({ title: 'Bench lead', valueMinor: 1000, currency: 'EUR', contact: { name: 'Bench', email: `bench-${n}@example.com` } }),
      }),
    );

    log(`importing ${IMPORT_ROWS.toLocaleString('en')} CSV rows (${stack.queue})…`);
    const openStages = pipeline.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.name);
    const imported = await importLeads(session, IMPORT_ROWS, openStages.length > 0 ? openStages : ['Qualified'], IMPORT_TIMEOUT_SECONDS, log);
    figures['import: queue'] = stack.queue;
    figures['import: CSV rows / MiB'] = `${imported.rows} / ${(imported.csvBytes / 1_048_576).toFixed(1)}`;
    if (imported.note !== null) {
      log(imported.note);
      figures['import: note'] = imported.note;
    }
    if (imported.status !== null) {
      figures['import: status'] = imported.status;
      figures['import: processed / failed'] = `${imported.processed} / ${imported.failed}`;
      figures['import: elapsed s (upload → completed)'] = imported.elapsedSeconds;
      figures['import: rows/s (processed / elapsed)'] = imported.rowsPerSecond;
      if (imported.firstErrors.length > 0) figures['import: first errors'] = JSON.stringify(imported.firstErrors).slice(0, 500);
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // pino writes asynchronously
    // Lines the benchmark itself causes on purpose are none: any error here is a product problem to look at.
    const apiErrors = logEntries(stack.api.output(), 50);
    const workerWarnings = logEntries(stack.worker.output(), 40);
    figures['api error log lines'] = apiErrors.length;
    figures['worker warn+error log lines'] = workerWarnings.length;
    for (const line of summarise(apiErrors, 3)) log(`api error: ${line}`);
    for (const line of summarise(workerWarnings, 3)) log(`worker: ${line}`);
    if (workerWarnings.length > 0) figures['worker: most frequent'] = summarise(workerWarnings, 1)[0];
    return { rows, figures };
  },
};
