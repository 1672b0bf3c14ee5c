import { HttpStatus } from '@nestjs/common';
import { ProblemException, ValidationProblem } from '@saler/platform';
import { ContactFieldError } from './contact-fields';

/** Another tenant's record and a missing one look the same: 404. */
export function notFound(what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `No such ${what} in this tenant`);
}

export function fieldProblem(field: string, message: string): ValidationProblem {
  return new ValidationProblem([{ field, message }]);
}

/** Runs a normalisation and turns its ContactFieldError into a 400 with the field named. */
export function asFieldProblem<T>(normalise: () => T): T {
  try {
    return normalise();
  } catch (error) {
    if (error instanceof ContactFieldError) throw fieldProblem(error.field, error.message);
    throw error;
  }
}

export function conflict(field: string, message: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'conflict', message, { errors: [{ field, message }] });
}
