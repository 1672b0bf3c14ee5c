import { newId } from '../database/ids';
import { TenantTx, UnitOfWork } from '../database/unit-of-work';
import { TenantContext } from '../context/tenant-context';
import { JobUploadChunk } from './job-upload-chunk.entity';

export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** The largest file an import accepts. */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Streams an upload into the job's chunks inside the caller's transaction, 1 MiB per row, and
 * hands each chunk to `inspect` (to check a header, say) before it is written. Returns the size.
 */
export async function storeUpload(tx: TenantTx, jobId: string, content: AsyncIterable<Buffer>, inspect?: (chunk: Buffer, seq: number) => void): Promise<number> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let total = 0;
  const flush = async (data: Buffer) => {
    inspect?.(data, seq);
    await tx.repository(JobUploadChunk).insert({ id: newId(), jobId, seq, data });
    seq += 1;
  };
  for await (const piece of content) {
    pending.push(piece);
    pendingBytes += piece.length;
    total += piece.length;
    while (pendingBytes >= UPLOAD_CHUNK_BYTES) {
      const joined = Buffer.concat(pending);
      await flush(joined.subarray(0, UPLOAD_CHUNK_BYTES));
      pending = [joined.subarray(UPLOAD_CHUNK_BYTES)];
      pendingBytes = pending[0].length;
    }
  }
  if (pendingBytes > 0 || seq === 0) await flush(Buffer.concat(pending));
  return total;
}

/** Reads a job's upload back in order, one short unit of work per chunk, so a long import holds no transaction open. */
export async function* readUpload(unitOfWork: UnitOfWork, context: TenantContext, jobId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const chunk = await unitOfWork.runSeparately(context, (tx) => tx.repository(JobUploadChunk).findOne({ jobId, seq }));
    if (chunk === null) return;
    yield Buffer.from(chunk.data);
  }
}

export function deleteUpload(tx: TenantTx, jobId: string): Promise<number> {
  return tx.repository(JobUploadChunk).delete({ jobId });
}
