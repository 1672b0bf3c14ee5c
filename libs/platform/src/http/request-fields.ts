import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { ValidationProblem } from './problem';

/**
 * An optional field that, when sent, must not be null (IsOptional lets null through, which then
 * reaches the handler as a value of the wrong type).
 */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Trims a string before it is validated, so "   " fails a minimum length instead of becoming "". */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** For partial updates (PartialType marks every field IsOptional): refuses null for fields that cannot be cleared. */
export function refuseNulls(changes: object, fields: readonly string[]): void {
  const offending = fields.filter((field) => (changes as Record<string, unknown>)[field] === null);
  if (offending.length > 0) throw new ValidationProblem(offending.map((field) => ({ field, message: `${field} cannot be null` })));
}
