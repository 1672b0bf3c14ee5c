import { searchKey } from '@saler/platform';

/** Avatar gestures the bot attaches to its replies. */
export const MOTIONS = { greeting: 'wave', answer: 'nod', quote: 'point', handoff: 'bow', fallback: 'shrug' } as const;

/** Telegram's /start (also `/start@shop_bot` and deep links `/start ref-42`): a greeting, nothing to answer. */
export function isStartCommand(text: string | null): boolean {
  return text !== null && /^\/start(@\w+)?(\s|$)/i.test(text.trim());
}

const words = (text: string): string[] => searchKey(text).split(' ').filter(Boolean);

/**
 * The hand-off phrase a message contains, if any. Phrases and message are compared by their search
 * keys (case, accents, punctuation and Cyrillic/Latin spelling aside), word by word, each phrase word
 * as the start of a message word, so inflected forms match ("позовите оператора" has "оператор").
 */
export function handoffPhrase(text: string | null, phrases: readonly string[]): string | null {
  if (text === null) return null;
  const message = words(text);
  return (
    phrases.find((phrase) => {
      const wanted = words(phrase);
      return wanted.length > 0 && message.some((_word, start) => wanted.every((word, offset) => message[start + offset]?.startsWith(word) === true));
    }) ?? null
  );
}
