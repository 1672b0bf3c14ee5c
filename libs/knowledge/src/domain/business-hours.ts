import { BusinessHours } from './bot-settings.entity';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MAX_RANGES_PER_DAY = 4;

/** `HH:MM` from 00:00 to 23:59, and 24:00 as the end of a day. */
const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Whether the runtime's ICU knows this IANA time zone. */
export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a business-hours value, or null when it is valid: null (always open) or an
 * object of weekdays (`mon` … `sun`), each at most four `["HH:MM", "HH:MM"]` ranges with the start
 * before the end. A range never crosses midnight: 22:00–02:00 is `["22:00", "24:00"]` on one day and
 * `["00:00", "02:00"]` on the next.
 */
export function businessHoursProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return 'businessHours must be null (always open) or an object of weekdays';
  for (const [day, ranges] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return `businessHours has an unknown day "${day}" (expected ${WEEKDAYS.join(', ')})`;
    if (!Array.isArray(ranges) || ranges.length > MAX_RANGES_PER_DAY) return `businessHours.${day} must be a list of at most ${MAX_RANGES_PER_DAY} ranges`;
    for (const [index, range] of ranges.entries()) {
      const field = `businessHours.${day}.${index}`;
      if (!Array.isArray(range) || range.length !== 2 || !range.every((time) => typeof time === 'string' && TIME.test(time))) {
        return `${field} must be a ["HH:MM", "HH:MM"] pair`;
      }
      const [start, end] = range as [string, string];
      if (start >= end) return `${field} must start before it ends (ranges do not cross midnight)`;
    }
  }
  return null;
}

/**
 * Whether the business is open at an instant: the wall-clock weekday and time in the time zone
 * (from Intl, so daylight-saving changes are the zone's own), inside one of that day's ranges, the
 * end excluded. Null hours: always open; a day without ranges: closed all day.
 */
export function isOpenAt(hours: BusinessHours | null, timeZone: string, at: Date): boolean {
  if (hours === null) return true;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase() as Weekday;
  const time = `${part('hour')}:${part('minute')}`;
  return (hours[day] ?? []).some(([start, end]) => start <= time && time < end);
}
