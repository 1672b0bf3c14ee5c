import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js';
import type { CustomAttributes } from './contact.entity';

export const MAX_ATTRIBUTES = 50;
const MAX_ATTRIBUTE_KEY = 64;
const MAX_ATTRIBUTE_STRING = 1000;

/** A problem with one field of a contact, reported as `errors[]` of a 400/422 problem. */
export class ContactFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * E.164 of a phone number. Numbers without a country code are read in `defaultCountry`; a number
 * that is not a valid phone number anywhere is refused rather than stored half-right.
 */
export function normalisePhone(phone: string, defaultCountry?: CountryCode): string {
  const parsed = parsePhoneNumberFromString(phone.trim(), defaultCountry);
  if (parsed === undefined || !parsed.isValid()) throw new ContactFieldError('phone', 'phone must be a valid phone number, with its country code (e.g. +14155550123)');
  return parsed.number;
}

/** Custom attributes: a flat JSON object of at most 50 keys whose values are strings, numbers, booleans or null. */
export function validateAttributes(value: unknown): CustomAttributes {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ContactFieldError('attributes', 'attributes must be a JSON object');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_ATTRIBUTES) throw new ContactFieldError('attributes', `attributes may have at most ${MAX_ATTRIBUTES} keys`);
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > MAX_ATTRIBUTE_KEY) throw new ContactFieldError(`attributes.${key}`, `attribute names must be 1–${MAX_ATTRIBUTE_KEY} characters`);
    const scalar = item === null || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item)) || typeof item === 'string';
    if (!scalar) throw new ContactFieldError(`attributes.${key}`, 'attribute values must be a string, a finite number, a boolean or null');
    if (typeof item === 'string' && item.length > MAX_ATTRIBUTE_STRING) throw new ContactFieldError(`attributes.${key}`, `attribute strings may be at most ${MAX_ATTRIBUTE_STRING} characters`);
  }
  return value as CustomAttributes;
}
