import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Observable } from 'rxjs';

const DEPRECATION = Symbol('DEPRECATION');

export interface DeprecationOptions {
  /** When the route was deprecated (ISO-8601). */
  since: string;
  /** When it will stop working (ISO-8601); sent as the Sunset header. */
  sunset: string;
  /** The route that replaces it, sent as a Link with rel="successor-version". */
  successor?: string;
}

/** The headers of RFC 9745 (Deprecation) and RFC 8594 (Sunset). */
export function deprecationHeaders(options: DeprecationOptions): Record<string, string> {
  const since = Date.parse(options.since);
  const sunset = Date.parse(options.sunset);
  if (Number.isNaN(since) || Number.isNaN(sunset)) throw new Error(`Invalid deprecation dates: ${JSON.stringify(options)}`);
  return {
    Deprecation: `@${Math.floor(since / 1000)}`,
    Sunset: new Date(sunset).toUTCString(),
    ...(options.successor ? { Link: `<${options.successor}>; rel="successor-version"` } : {}),
  };
}

@Injectable()
export class DeprecationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<DeprecationOptions | undefined>(DEPRECATION, context.getHandler());
    if (options !== undefined) context.switchToHttp().getResponse<FastifyReply>().headers(deprecationHeaders(options));
    return next.handle();
  }
}

/**
 * Marks a route deprecated: it keeps working, answers with Deprecation and Sunset headers, and
 * shows as deprecated in the OpenAPI document.
 */
export function Deprecated(options: DeprecationOptions) {
  deprecationHeaders(options);
  return applyDecorators(
    SetMetadata(DEPRECATION, options),
    UseInterceptors(DeprecationInterceptor),
    ApiOperation({ deprecated: true, description: `Deprecated since ${options.since}; sunset on ${options.sunset}.` }),
  );
}
