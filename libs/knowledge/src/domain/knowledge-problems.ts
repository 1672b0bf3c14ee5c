import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@saler/platform';

/** Another tenant's record and a missing one look the same: 404. */
export function notFound(what: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `No such ${what} in this tenant`);
}

/** Two first writes of the same row raced (the unique index refused the second): the loser sends again. */
export function writeConflict(what: string): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, 'conflict', `The ${what} was changed at the same moment; send your change again`);
}
