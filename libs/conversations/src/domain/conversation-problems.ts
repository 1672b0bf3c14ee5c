import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '@saler/platform';

/** Another tenant's record and a missing one look the same: 404. */
export function notFound(what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `No such ${what} in this tenant`);
}

export function fieldProblem(field: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, message }]);
}
