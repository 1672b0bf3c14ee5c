/** Placeholders in bot texts: `{price}` in "{product} for {model}: {price}." is filled in when the bot answers. */
import { BotTextKey } from './bot-text.entity';

/** What each text may use; the texts of the fixed moments use none. */
export const BOT_TEXT_PLACEHOLDERS: Readonly<Record<BotTextKey, readonly string[]>> = Object.freeze({
  greeting: [],
  fallback: [],
  handoff: [],
  out_of_hours: [],
  quote: ['product', 'model', 'price'],
  quote_unavailable: ['product', 'model', 'note'],
  quote_unpriced: ['product', 'model'],
  quote_ask_model: ['product'],
  quote_ask_which: ['candidates'],
  quote_ask_product: ['products'],
});

const PLACEHOLDER = /\{([A-Za-z_]\w*)\}/g;

/** What is wrong with a text for a key, or null: a placeholder the key does not fill would reach the customer as is. */
export function botTextProblem(key: BotTextKey, text: string): string | null {
  const allowed = BOT_TEXT_PLACEHOLDERS[key];
  const unknown = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !allowed.includes(name)))];
  if (unknown.length === 0) return null;
  const names = unknown.map((name) => `{${name}}`).join(', ');
  return allowed.length === 0 ? `The ${key} text takes no placeholders; ${names} would be sent as written` : `The ${key} text may use ${allowed.map((name) => `{${name}}`).join(', ')}; ${names} is not one of them`;
}

/** The text with its placeholders filled in; an empty value leaves no double space or trailing space behind. */
export function renderBotText(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,!?:;])/g, '$1')
    .trim();
}
