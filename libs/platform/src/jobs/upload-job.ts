import { parse } from 'csv-parse/sync';
import { newId } from '../database/ids';
import { TenantTx } from '../database/unit-of-work';
import { ValidationProblem } from '../http/problem';
import { Job } from './job.entity';
import { storeUpload } from './upload-store';

/** A header a CSV import cannot use; its message is shown to the client as a 400 on the `file` field. */
export class CsvHeaderError extends Error {}

const fileProblem = (message: string) => new ValidationProblem([{ field: 'file', message }]);

/** Reads the header line of the first chunk and hands it to `check`, which throws CsvHeaderError when it cannot be imported. */
function checkCsvHeader(chunk: Buffer, check: (header: string[]) => void): void {
  const text = chunk.toString('utf8');
  const end = text.search(/\r?\n/);
  if (end < 0 && chunk.length >= 1024 * 1024) throw fileProblem('The first line (the header) is longer than 1 MiB');
  const line = end < 0 ? text : text.slice(0, end);
  if (line.trim() === '') throw fileProblem('The file is empty or starts with an empty line; the first line must be the header');
  let header: string[];
  try {
    [header = []] = parse(line, { bom: true, relax_quotes: true }) as string[][];
  } catch (error) {
    throw fileProblem(`The header line is not valid CSV: ${(error as Error).message}`);
  }
  try {
    check(header);
  } catch (error) {
    if (error instanceof CsvHeaderError) throw fileProblem(error.message);
    throw error;
  }
}

/**
 * Starts a CSV import job in the caller's transaction: the queued job row, its file stored as
 * chunks, and the header checked on the way (a file that cannot be imported is a 400, not a failed
 * job). Either the job and its whole file exist, or nothing does. Returns the job id and file size.
 */
export async function startCsvUploadJob(
  tx: TenantTx,
  job: { type: string; params: Record<string, unknown>; content: AsyncIterable<Buffer>; checkHeader: (header: string[]) => void },
): Promise<{ jobId: string; size: number }> {
  const jobId = newId();
  await tx.repository(Job).insert({
    id: jobId,
    type: job.type,
    status: 'queued',
    progress: 0,
    processed: 0,
    failed: 0,
    errors: [],
    result: {},
    params: job.params,
    createdBy: tx.context.actor.id,
    createdAt: new Date(),
    startedAt: null,
    finishedAt: null,
  });
  const size = await storeUpload(tx, jobId, job.content, (chunk, seq) => {
    if (seq === 0) checkCsvHeader(chunk, job.checkHeader);
  });
  await tx.repository(Job).update({ id: jobId }, { params: { ...job.params, size } });
  return { jobId, size };
}
