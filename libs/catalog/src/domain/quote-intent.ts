/**
 * How the bot reads a customer's message for the catalogue: whether it asks for a price (the
 * tenant's price phrases), the product category it names (typos and Latin/Cyrillic spellings
 * allowed, through the shared search key; a little more leniently when a price is asked for), and
 * what is left to search the car model with.
 */
import { normaliseText, searchKey, trigramSimilarity } from '@saler/platform';

/** A run of the message's words at least this similar to a category's name names that category ("seat cover", "set covers")… */
export const CATEGORY_MIN_SIMILARITY = 0.6;
/** …or this similar when the message also asks for a price ("how much are the eva mat"). */
export const PRICED_CATEGORY_MIN_SIMILARITY = 0.5;

const phrases = (list: readonly string[]): string[][] => list.map((phrase) => normaliseText(phrase).split(' ')).filter((words) => words[0] !== '');

/**
 * Words of a request that never name a car. They are dropped before the model search: every extra
 * word lowers the trigram similarity of the query to the model's name ("are for a camry" scores 0.4
 * against "camry", "camry" alone 1).
 */
const FILLER_WORDS = new Set(
  phrases([
    'a an the for my our your this that these those it its is are be will would can could do does i me we you to of on in at with and or please pls hi hello hey what whats s how much many need want like get have has there about car cars vehicle',
    'а и в во на для у к по с со о об за от до из мне меня мой моя мою моей моего наш нашу нас я вы мы это этот эта есть ли будет будут нужен нужна нужно нужны хочу хотел хотела подскажите скажите пожалуйста привет здравствуйте добрый день какая какой какие машина машину машины авто автомобиль автомобиля',
  ]).flat(),
);

export interface QuoteIntent<C> {
  /** The category named, or null. */
  category: C | null;
  /** Whether one of the price phrases is in the message. */
  asksPrice: boolean;
  /** The message without the category's words, price words and filler: what may name the car ("camri 2019"). */
  modelText: string;
}

interface Window {
  start: number;
  length: number;
  score: number;
}

/** Where a phrase occurs in the words: each occurrence's word indices. */
function occurrences(words: string[], phrase: string[]): number[][] {
  const found: number[][] = [];
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, offset) => words[start + offset] === word)) found.push(phrase.map((_word, offset) => start + offset));
  }
  return found;
}

/** The run of as many words as the name has that is most similar to it, by search key. */
function bestWindow(keys: string[], name: string): Window | null {
  const key = searchKey(name);
  if (key === '') return null;
  const length = key.split(' ').length;
  let best: Window | null = null;
  for (let start = 0; start + length <= keys.length; start += 1) {
    const score = trigramSimilarity(keys.slice(start, start + length).join(' '), key);
    if (best === null || score > best.score) best = { start, length, score };
  }
  return best;
}

/**
 * What a message says to the catalogue. Of several categories, the most similar wins, then the one
 * of more words ("seat covers" over "covers"), then the first given. The price phrases compare
 * word by word, case- and punctuation-insensitively ("Сколько стоит?" has "сколько стоит").
 */
export function readQuoteIntent<C extends { name: string }>(text: string, categories: readonly C[], priceKeywords: readonly string[]): QuoteIntent<C> {
  const words = normaliseText(text).split(' ').filter((word) => word !== '');
  const keys = words.map(searchKey);
  const priceWords = phrases(priceKeywords).flatMap((phrase) => occurrences(words, phrase)).flat();
  const threshold = priceWords.length > 0 ? PRICED_CATEGORY_MIN_SIMILARITY : CATEGORY_MIN_SIMILARITY;
  let best: { category: C; window: Window } | null = null;
  for (const category of categories) {
    const window = bestWindow(keys, category.name);
    if (window === null || window.score < threshold) continue;
    if (best === null || window.score > best.window.score || (window.score === best.window.score && window.length > best.window.length)) best = { category, window };
  }
  const span = best?.window;
  const named = span === undefined ? [] : Array.from({ length: span.length }, (_unused, offset) => span.start + offset);
  const dropped = new Set([...priceWords, ...named]);
  const modelText = words.filter((word, index) => !dropped.has(index) && !FILLER_WORDS.has(word)).join(' ');
  return { category: best?.category ?? null, asksPrice: priceWords.length > 0, modelText };
}
