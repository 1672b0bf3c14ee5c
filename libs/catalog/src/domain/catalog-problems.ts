import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '@saler/platform';

/** Another tenant's record and a missing one look the same: 404. */
export function notFound(what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `No such ${what} in this tenant`);
}

export function fieldProblem(field: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, message }]);
}

/** A name already taken in this tenant (case-insensitive). */
export function nameTaken(field: string, message: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'conflict', message, { errors: [{ field, message }] });
}

/** A record others still point at (a brand with models, a category with prices). */
export function inUse(slug: string, detail: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, slug, detail);
}
