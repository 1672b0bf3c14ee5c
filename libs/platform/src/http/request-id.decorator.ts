import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The request's id (the valid X-Request-Id it came with, or the one generated for it). */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string => String(context.switchToHttp().getRequest<FastifyRequest>().id));
