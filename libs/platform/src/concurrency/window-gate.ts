/**
 * Lets one event per key through per time window and counts the others: for work that must not run
 * once per event of a flood (reloading a channel for every badly signed request, an audit entry each).
 * Per process; the oldest key is forgotten beyond `maxKeys`.
 */
export class WindowGate {
  private readonly keys = new Map<string, { closedUntil: number; held: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Whether this event of the key may act; if it may, how many of the key's events were held back since the last one that did. */
  pass(key: string, now = Date.now()): { pass: true; held: number } | { pass: false } {
    const state = this.keys.get(key);
    if (state !== undefined && now < state.closedUntil) {
      state.held += 1;
      return { pass: false };
    }
    this.keys.delete(key);
    if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(key, { closedUntil: now + this.windowMs, held: 0 });
    return { pass: true, held: state?.held ?? 0 };
  }
}
