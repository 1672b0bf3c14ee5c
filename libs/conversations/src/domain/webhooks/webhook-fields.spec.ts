import { MalformedWebhookError } from './inbound-item';
import { asId, asObject, requireArray, requireObject, unixMillisToDate, unixSecondsToDate } from './webhook-fields';

describe('webhook fields', () => {
  it.each([
    ['a string', 'abc', 'abc'],
    ['an integer', -1001234567890, '-1001234567890'],
    ['an empty string', '', undefined],
    ['a fraction', 1.5, undefined],
    ['an unsafe integer', 2 ** 60, undefined],
    ['null', null, undefined],
  ])('reads %s as id %j', (_case, value, id) => {
    expect(asId(value)).toBe(id);
  });

  it('reads unix seconds as a number or a string of digits', () => {
    expect(unixSecondsToDate(1749416383)).toEqual(new Date('2025-06-08T20:59:43Z'));
    expect(unixSecondsToDate('1749416383')).toEqual(new Date('2025-06-08T20:59:43Z'));
  });

  it('reads unix milliseconds', () => {
    expect(unixMillisToDate(1462629479859)).toEqual(new Date('2016-05-07T13:57:59.859Z'));
  });

  it.each([undefined, null, '', '17e8', 'yesterday', Number.NaN, {}])('reads %j as no date', (value) => {
    expect(unixSecondsToDate(value)).toBeNull();
    expect(unixMillisToDate(value)).toBeNull();
  });

  it('reads anything but an object as an empty object', () => {
    expect(asObject([1])).toEqual({});
    expect(asObject('x')).toEqual({});
    expect(asObject({ a: 1 })).toEqual({ a: 1 });
  });

  it('throws MalformedWebhookError naming what was expected', () => {
    expect(() => requireObject([], 'LINE webhook')).toThrow(new MalformedWebhookError('LINE webhook must be a JSON object'));
    expect(() => requireArray(undefined, 'LINE webhook events')).toThrow(new MalformedWebhookError('LINE webhook events must be an array'));
  });
});
