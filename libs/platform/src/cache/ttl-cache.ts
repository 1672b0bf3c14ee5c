interface Entry<V> {
  value: Promise<V>;
  /** Infinity while the load runs: the entry's life starts when its value arrives. */
  expires: number;
}

/**
 * A small per-process cache of values that may be a little stale (routes, settings read on every
 * request): each entry lives `ttlMs` from when its value arrived; when `maxEntries` is reached the
 * oldest entry makes room. Calls for a key whose value is being loaded share that load, so an entry
 * expiring under load costs one query, not one per request in flight. A failed load is not kept, and
 * a call that joined it loads again with its own `load` (which may read in its own transaction): one
 * caller's failure is not another's.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.expires === Infinity) return hit.value.catch(() => this.get(key, load));
    if (hit !== undefined && hit.expires > Date.now()) return hit.value;
    const entry: Entry<V> = { value: (async () => load())(), expires: Infinity };
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    entry.value.then(
      () => (entry.expires = Date.now() + this.ttlMs),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
