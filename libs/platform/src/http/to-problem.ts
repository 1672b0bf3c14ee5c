import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ProblemDetails, ProblemException } from './problem';

export interface ProblemResponse {
  status: number;
  body: ProblemDetails | (ProblemDetails & Record<string, unknown>);
  /** True for errors Saler did not expect: they are logged with their stack. */
  unexpected: boolean;
}

function titleOf(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

function base(status: number, instance: string, requestId: string, detail?: string): ProblemDetails {
  return { type: 'about:blank', title: titleOf(status), status, ...(detail ? { detail } : {}), instance, requestId };
}

function httpExceptionDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return undefined;
}

/** Maps anything thrown while serving a request to RFC 9457 problem details. Nothing internal leaks. */
export function toProblem(error: unknown, instance: string, requestId: string): ProblemResponse {
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    return {
      status,
      body: { ...base(status, instance, requestId, error.message), type: error.problemType, ...error.extensions },
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return { status, body: base(status, instance, requestId, httpExceptionDetail(error)), unexpected: status >= 500 };
  }
  // Fastify's own client errors (malformed JSON, body too large, bad media type) carry a safe message.
  const client = error as { statusCode?: unknown; message?: unknown } | null;
  if (typeof client?.statusCode === 'number' && client.statusCode >= 400 && client.statusCode < 500) {
    return { status: client.statusCode, body: base(client.statusCode, instance, requestId, String(client.message)), unexpected: false };
  }
  const status = HttpStatus.INTERNAL_SERVER_ERROR;
  return { status, body: base(status, instance, requestId, 'An unexpected error occurred; quote the request id when reporting it'), unexpected: true };
}
