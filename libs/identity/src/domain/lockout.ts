export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Seconds until another attempt is allowed, or 0. After LOCKOUT_THRESHOLD failures within the
 * window, attempts are refused until the oldest of the last THRESHOLD failures leaves the window.
 */
export function lockoutRemainingSeconds(failuresInWindow: Date[], now: Date): number {
  if (failuresInWindow.length < LOCKOUT_THRESHOLD) return 0;
  const sorted = [...failuresInWindow].sort((a, b) => b.getTime() - a.getTime());
  const releasedAt = sorted[LOCKOUT_THRESHOLD - 1].getTime() + LOCKOUT_WINDOW_MS;
  return Math.max(0, Math.ceil((releasedAt - now.getTime()) / 1000));
}
