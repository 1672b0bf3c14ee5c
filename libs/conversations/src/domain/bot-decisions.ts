import type { QuoteAnswer, QuoteDraft } from '@saler/catalog';
import type { BotTextKey } from '@saler/knowledge';
import { searchKey } from '@saler/platform';
import type { PendingQuote } from './conversation.entity';

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

/** The bot text that words each of the catalogue's answers. */
export const QUOTE_TEXTS: Readonly<Record<QuoteAnswer['kind'], BotTextKey>> = Object.freeze({
  quoted: 'quote',
  unavailable: 'quote_unavailable',
  unpriced: 'quote_unpriced',
  ask_model: 'quote_ask_model',
  ask_which: 'quote_ask_which',
  ask_product: 'quote_ask_product',
});

/** How long the bot remembers what a customer said towards a quote it asked a follow-up about. */
export const PENDING_QUOTE_TTL_MS = 24 * 60 * 60 * 1000;

/** The conversation's pending quote as the catalogue reads it, or null when there is none or it is older than a day at `at`. */
export function pendingQuoteAt(pending: PendingQuote | null, at: Date): QuoteDraft | null {
  if (pending === null || at.getTime() - Date.parse(pending.askedAt) > PENDING_QUOTE_TTL_MS) return null;
  return { categoryId: pending.categoryId, modelId: pending.modelId };
}
