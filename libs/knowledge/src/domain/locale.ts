/** A BCP 47 language tag as Saler stores it (`en`, `ru`, `pt-BR`); locale columns hold at most 16 characters. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LOCALE_MESSAGE = 'locale must be a language tag such as en or pt-BR';
export const MAX_LOCALE_LENGTH = 16;

export const isLocale = (value: string): boolean => value.length <= MAX_LOCALE_LENGTH && LOCALE_PATTERN.test(value);

/** The language without region or script: `ru-RU` → `ru`. */
export const primarySubtag = (locale: string): string => locale.split('-')[0].toLowerCase();
