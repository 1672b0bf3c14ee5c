/**
 * Search keys for typo-tolerant search (catalogue models, FAQs). Names, questions and queries are
 * reduced to one canonical form, so that spellings in Latin and in Cyrillic, transliterations and
 * common misspellings meet: "Camry", "camri", "kamri" and "камри" all become "kamri"; "RAV-4",
 * "rav4" and "рав 4" all become "rav 4". Trigram similarity (pg_trgm on PostgreSQL, trigram.ts on
 * SQLite) then ranks what remains different.
 *
 * The key is lossy on purpose (ч and ш both become "sh", c becomes k or s): it is a search key,
 * never shown to anyone.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian and Belarusian letters.
  і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u',
};

/** Longest first, so "sh" wins over "s" + "h". */
const LATIN_TO_CYRILLIC: [string, string][] = (
  [
    ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['tz', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'], ['ph', 'ф'],
    ['ck', 'к'], ['qu', 'кв'], ['ee', 'и'], ['oo', 'у'],
    ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'], ['i', 'и'], ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'],
    ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'], ['y', 'и'], ['z', 'з'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Lower case, no accents (ё → е, é → e), every run of punctuation or space one space, and letters
 * apart from digits ("RAV-4", "rav4" and "rav 4" all give "rav 4").
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, '$1$2 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cyrillic letters to Latin (a practical, GOST-like scheme: "камри" → "kamri", "щётка" → "schetka"); other characters stay. */
export function cyrillicToLatin(text: string): string {
  return [...text].map((char) => CYRILLIC_TO_LATIN[char] ?? char).join('');
}

/** Latin letters to Cyrillic, as a Russian speaker would spell them ("kamri" → "камри", "shkoda" → "шкода"); other characters stay. */
export function latinToCyrillic(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const match = LATIN_TO_CYRILLIC.find(([latin]) => text.startsWith(latin, i));
    if (match === undefined) {
      out += text[i];
      i += 1;
    } else {
      out += match[1];
      i += match[0].length;
    }
  }
  return out;
}

/** Ordered rewrites of Latin spelling to how it sounds; the order matters ("ch" before "c", "dzh" before "zh"). */
const PHONETIC_RULES: [RegExp, string][] = [
  [/dzh|dj/g, 'j'],
  [/sch|shch/g, 'sh'],
  [/ch/g, 'sh'],
  [/ph/g, 'f'],
  [/kh/g, 'h'],
  [/th/g, 't'],
  [/gh/g, 'g'],
  [/wh/g, 'v'],
  [/ck|cc/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/qu/g, 'kv'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz/g, 'ts'],
  // Ц is "ts" in Latin letters but sounds like the s of "Civic" and "Citroën".
  [/ts/g, 's'],
  [/zh|j/g, 'zh'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/y/g, 'i'],
  // Doubled letters last: "corolla" and "korola" meet.
  [/([a-z])\1+/g, '$1'],
];

/** The Latin phonetic skeleton of normalised text: "camry" → "kamri", "chery" → "sheri", "lexus" → "leksus". */
export function phoneticKey(latin: string): string {
  return PHONETIC_RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), latin);
}

/** The search key of a name or a query. */
export function searchKey(text: string): string {
  return phoneticKey(cyrillicToLatin(normaliseText(text)));
}
