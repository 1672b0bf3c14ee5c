import { HttpStatus } from '@nestjs/common';
import { ProblemException } from './problem';

/** Optimistic concurrency: a resource's version is its ETag; a PATCH with a stale If-Match gets 412. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an If-Match header names, or undefined without one (a PATCH without If-Match is
 * allowed) or with `*` (RFC 9110: any current version matches; a missing resource is still a 404).
 */
export function versionFromIfMatch(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim());
  if (!match) throw new ProblemException(HttpStatus.PRECONDITION_FAILED, 'stale', 'If-Match must be an ETag this API sent');
  return Number(match[1]);
}

export function staleProblem(what: string): ProblemException {
  return new ProblemException(HttpStatus.PRECONDITION_FAILED, 'stale', `The ${what} changed since you read it; fetch it again and retry`);
}
