/** A process's pino lines at `minLevel` or above (40 warn, 50 error). */
export function logEntries(output: string, minLevel: number): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    })
    .filter((entry) => typeof entry.level === 'number' && entry.level >= minLevel);
}

/** "3× Job crm/lead.score failed: …", "2× request completed (409)": distinct messages with their counts, most frequent first. */
export function summarise(entries: Record<string, unknown>[], top: number): string[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const err = entry.err as { message?: string } | undefined;
    const status = (entry.res as { statusCode?: number } | undefined)?.statusCode;
    const text = `${String(entry.msg)}${status === undefined ? '' : ` (${status})`}${err?.message ? `: ${err.message}` : ''}`.slice(0, 300);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([text, count]) => `${count}× ${text}`);
}
