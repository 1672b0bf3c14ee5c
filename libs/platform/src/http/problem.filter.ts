import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './to-problem';

/** Every error a route raises leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const problem = toProblem(exception, request.url.split('?')[0], String(request.id));
  if (problem.unexpected) logger.error({ err: exception }, `Unexpected error on ${request.method} ${request.url}`);
  const retryAfter = (problem.body as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
  void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem.body);
}
