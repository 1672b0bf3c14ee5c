import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UPLOAD_MAX_BYTES } from '../jobs/upload-store';
import { ProblemException, ValidationProblem } from './problem';

export interface MultipartUpload {
  fileName: string;
  /** The text fields sent before the file (later ones are not read). */
  fields: Record<string, string | undefined>;
  /** The file's bytes, streamed; passing UPLOAD_MAX_BYTES is a 413. */
  content: AsyncIterable<Buffer>;
}

const tooLarge = () => new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, 'file-too-large', `The file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB`);

/** The upload, refused with 413 once it passes the size limit (multipart truncates the stream there). */
async function* limited(file: AsyncIterable<Buffer> & { truncated?: boolean }): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk;
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  if (file.truncated) throw tooLarge();
}

/** The multipart file in the form field `file`, with the named text fields sent before it: 415 if not multipart, 400 without the file. */
export async function multipartUpload(request: FastifyRequest, fieldNames: readonly string[]): Promise<MultipartUpload> {
  if (!request.isMultipart()) throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'multipart-required', 'Send the CSV as multipart/form-data with the file in a field named file');
  const file = await request.file();
  if (file === undefined || file.fieldname !== 'file') throw new ValidationProblem([{ field: 'file', message: 'A CSV file in the form field "file" is required' }]);
  const fields = Object.fromEntries(
    fieldNames.map((name) => {
      const field = file.fields[name];
      return [name, field !== undefined && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined];
    }),
  );
  return { fileName: file.filename.slice(0, 255), fields, content: limited(file.file) };
}
