import { ApiAnswer, ApiSession } from './api-session';

/** libs/crm/src/domain/lead-import-row.ts splits the tags cell on `;` or `|`. */
const TAG_SEPARATOR = ';';
const IMPORT_TAGS = ['import', 'fleet', 'vip', 'expo', 'q4'];
const POLL_MS = 500;
/** A job no worker picks up within this time is reported as stuck rather than awaited for the whole timeout. */
const QUEUED_TIMEOUT_MS = Number(process.env.BENCH_IMPORT_QUEUED_TIMEOUT ?? 120) * 1000;

interface JobView {
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  processed: number;
  failed: number;
  errors: unknown[];
}

export interface ImportOutcome {
  /** What to print when there is no rate: the route is missing, the upload was refused, the job failed or timed out. */
  note: string | null;
  rows: number;
  csvBytes: number;
  status: string | null;
  processed: number | null;
  failed: number | null;
  elapsedSeconds: number | null;
  rowsPerSecond: number | null;
  firstErrors: unknown[];
}

/**
 * `rows` leads in the CSV layout of POST /api/v1/imports/leads: distinct emails and valid E.164 phones
 * (+1 415 3xx-xxxx), an open stage of the default pipeline, a value in major units, 0–2 tags.
 */
export function leadsCsv(rows: number, stageNames: string[]): Buffer {
  const lines = ['name,email,phone,title,value,currency,stage,tags'];
  for (let i = 0; i < rows; i++) {
    const tags = [IMPORT_TAGS[i % IMPORT_TAGS.length], ...(i % 3 === 0 ? [IMPORT_TAGS[(i + 2) % IMPORT_TAGS.length]] : [])].slice(0, i % 7 === 0 ? 0 : 2);
    lines.push(
      [`Import Contact ${i}`, `import-${i}@import.example.com`, `+1415${3_000_000 + i}`, `Imported lead ${i}`, `${100 + (i % 9_000)}.50`, 'EUR', stageNames[i % stageNames.length], tags.join(TAG_SEPARATOR)].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Uploads the CSV as multipart field `file`, then polls GET /api/v1/jobs/{jobId} until the job ends. Never throws for a product answer: it reports it. */
export async function importLeads(session: ApiSession, rows: number, stageNames: string[], timeoutSeconds: number, log: (line: string) => void): Promise<ImportOutcome> {
  const csv = leadsCsv(rows, stageNames);
  const outcome: ImportOutcome = { note: null, rows, csvBytes: csv.length, status: null, processed: null, failed: null, elapsedSeconds: null, rowsPerSecond: null, firstErrors: [] };
  const started = Date.now();
  let accepted: ApiAnswer<{ jobId?: string } | null>;
  try {
    accepted = await session.upload<{ jobId?: string }>('/api/v1/imports/leads', 'file', 'bench-leads.csv', csv, 'text/csv');
  } catch (error) {
    return { ...outcome, note: `import upload failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (accepted.status === 404) return { ...outcome, note: 'import route not available (POST /api/v1/imports/leads answered 404)' };
  if (accepted.status !== 202 || typeof accepted.body?.jobId !== 'string') {
    return { ...outcome, note: `import upload refused: ${accepted.status} ${JSON.stringify(accepted.body).slice(0, 300)}` };
  }
  const jobId = accepted.body.jobId;
  log(`import job ${jobId} accepted after ${((Date.now() - started) / 1000).toFixed(1)} s (upload of ${(csv.length / 1_048_576).toFixed(1)} MiB)`);
  const deadline = started + timeoutSeconds * 1000;
  let lastLogged = Date.now();
  let job: JobView | null = null;
  for (;;) {
    const answer = await session.get<JobView>(`/api/v1/jobs/${jobId}`);
    if (answer.status !== 200) return { ...outcome, note: `GET /api/v1/jobs/${jobId} answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}` };
    job = answer.body;
    if (job.status === 'completed' || job.status === 'failed') break;
    if (Date.now() > deadline) break;
    if (job.status === 'queued' && Date.now() - started > QUEUED_TIMEOUT_MS) break;
    if (Date.now() - lastLogged >= 5_000) {
      log(`import ${job.status}: ${job.progress}% (${job.processed} processed, ${job.failed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      lastLogged = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const elapsedSeconds = (Date.now() - started) / 1000;
  const finished = job.status === 'completed' || job.status === 'failed';
  return {
    ...outcome,
    note: finished
      ? job.status === 'failed'
        ? 'import job failed'
        : null
      : job.status === 'queued'
        ? `import job never started: still queued after ${Math.round(elapsedSeconds)} s (no worker took it; see the worker's failed domain-events jobs)`
        : `import job still ${job.status} after ${timeoutSeconds} s (BENCH_IMPORT_TIMEOUT)`,
    status: job.status,
    processed: job.processed,
    failed: job.failed,
    elapsedSeconds: Math.round(elapsedSeconds * 10) / 10,
    rowsPerSecond: Math.round(job.processed / elapsedSeconds),
    firstErrors: job.errors.slice(0, 3),
  };
}
