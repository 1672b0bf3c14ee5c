import { LOCKOUT_WINDOW_MS, lockoutRemainingSeconds } from './lockout';

const now = new Date('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('lockoutRemainingSeconds', () => {
  it('allows fewer than 5 failures', () => {
    expect(lockoutRemainingSeconds([ago(1000), ago(2000), ago(3000), ago(4000)], now)).toBe(0);
  });

  it('locks after 5 failures until the 5th most recent leaves the window', () => {
    const failures = [ago(60_000), ago(120_000), ago(180_000), ago(240_000), ago(300_000)];
    expect(lockoutRemainingSeconds(failures, now)).toBe((LOCKOUT_WINDOW_MS - 300_000) / 1000);
  });

  it('counts only the 5 most recent failures', () => {
    const failures = [ago(1000), ago(2000), ago(3000), ago(4000), ago(5000), ago(14 * 60_000)];
    expect(lockoutRemainingSeconds(failures, now)).toBe((LOCKOUT_WINDOW_MS - 5000) / 1000);
  });
});
