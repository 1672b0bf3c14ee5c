/** Names are unique per tenant regardless of case and spacing: "EVA  mats" and "eva mats" are one name. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export const MAX_ALIASES = 20;
export const MAX_ALIAS_LENGTH = 100;

/** Aliases trimmed, empty ones dropped, repeats (by name key, and the name itself) removed, in their order. */
export function cleanAliases(aliases: readonly string[], name?: string): string[] {
  const seen = new Set<string>(name !== undefined ? [nameKey(name)] : []);
  const out: string[] = [];
  for (const raw of aliases) {
    const alias = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const key = nameKey(alias);
    if (alias === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(alias);
  }
  return out;
}
