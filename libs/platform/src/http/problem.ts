import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class FieldError {
  @ApiProperty({ example: 'email', description: 'The path of the offending field (dot notation for nested fields)' })
  field: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;
}

/** RFC 9457 problem details: the body of every error Saler returns. */
export class ProblemDetails {
  @ApiProperty({ example: 'about:blank', description: 'A URI naming the problem type; about:blank means the HTTP status says it all' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'The request body is not valid JSON' })
  detail?: string;

  @ApiProperty({ example: '/api/v1/leads', description: 'The request path' })
  instance: string;

  @ApiProperty({ example: '0192f0c4-7c1d-7cc2-9b4e-3c1f5f0d2a11', description: 'The X-Request-Id of the request' })
  requestId: string;

  @ApiPropertyOptional({ type: [FieldError], description: 'Validation errors, one per field' })
  errors?: FieldError[];
}

/** An error with a problem type of its own (`urn:saler:problem:<slug>`) and optional extension members. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }

  get problemType(): string {
    return `urn:saler:problem:${this.slug}`;
  }
}

export class ValidationProblem extends ProblemException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, 'validation', 'The request is not valid', { errors: fieldErrors });
  }
}
