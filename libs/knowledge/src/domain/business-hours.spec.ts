import { BusinessHours } from './bot-settings.entity';
import { businessHoursProblem, isOpenAt, isTimeZone } from './business-hours';

const hours: BusinessHours = { mon: [['09:00', '13:00'], ['14:00', '18:00']], tue: [['09:00', '18:00']], sat: [['22:00', '24:00']], sun: [['00:00', '02:00']] };

describe('business hours', () => {
  it('is always open without hours', () => {
    expect(isOpenAt(null, 'Europe/Berlin', new Date('2025-01-05T03:00:00Z'))).toBe(true);
  });

  it('evaluates the wall clock of the time zone, the end excluded, a day without ranges closed', () => {
    // Monday 6 January 2025; Berlin is UTC+1 in winter.
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T07:59:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T08:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T12:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T16:59:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T17:00:00Z'))).toBe(false);
    // Wednesday has no ranges.
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-08T10:00:00Z'))).toBe(false);
  });

  it('follows daylight saving time: the same UTC instant is before opening in winter and open in summer', () => {
    // 07:30 UTC is 08:30 in Berlin on Monday 6 January (CET) and 09:30 on Monday 7 July (CEST).
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-01-06T07:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-07-07T07:30:00Z'))).toBe(true);
    // Monday 31 March 2025, the day after the spring change: 09:00 CEST is 07:00 UTC.
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-03-31T07:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'Europe/Berlin', new Date('2025-03-31T06:59:00Z'))).toBe(false);
  });

  it('takes the weekday of the time zone, not of UTC', () => {
    // Monday 6 January 09:30 in Auckland (UTC+13) is still Sunday in UTC.
    expect(isOpenAt(hours, 'Pacific/Auckland', new Date('2025-01-05T20:30:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'UTC', new Date('2025-01-05T20:30:00Z'))).toBe(false);
  });

  it('covers a night across midnight as two ranges, one ending at 24:00', () => {
    expect(isOpenAt(hours, 'UTC', new Date('2025-01-11T23:59:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'UTC', new Date('2025-01-12T00:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'UTC', new Date('2025-01-12T02:00:00Z'))).toBe(false);
  });

  it('accepts null and well-formed hours', () => {
    expect(businessHoursProblem(null)).toBeNull();
    expect(businessHoursProblem({})).toBeNull();
    expect(businessHoursProblem(hours)).toBeNull();
  });

  it.each([
    [[], 'businessHours must be null'],
    ['always', 'businessHours must be null'],
    [{ monday: [['09:00', '18:00']] }, 'unknown day "monday"'],
    [{ mon: 'all day' }, 'businessHours.mon must be a list'],
    [{ mon: [['09:00', '10:00'], ['10:00', '11:00'], ['11:00', '12:00'], ['12:00', '13:00'], ['13:00', '14:00']] }, 'at most 4 ranges'],
    [{ mon: [['9:00', '18:00']] }, 'businessHours.mon.0 must be a ["HH:MM", "HH:MM"] pair'],
    [{ tue: [['09:00', '18:00'], ['19:00']] }, 'businessHours.tue.1 must be a'],
    [{ mon: [['09:00', '25:00']] }, 'must be a ["HH:MM", "HH:MM"] pair'],
    [{ mon: [['18:00', '09:00']] }, 'businessHours.mon.0 must start before it ends'],
    [{ mon: [['09:00', '09:00']] }, 'must start before it ends'],
    [{ fri: [['22:00', '02:00']] }, 'ranges do not cross midnight'],
  ])('refuses %j', (value, message) => {
    expect(businessHoursProblem(value)).toContain(message);
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(3)).toBe(false);
  });
});
