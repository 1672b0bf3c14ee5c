import { BotSettings } from './bot-settings.entity';
import { BotTextKey } from './bot-text.entity';

/** What a bot's settings say, without the row's identity and version. */
export type BotSettingsFields = Pick<BotSettings, 'matchThreshold' | 'timezone' | 'businessHours' | 'handoffKeywords' | 'priceKeywords' | 'defaultLocale' | 'llm' | 'llmApiKeySealed' | 'llmApiKeyHint'>;

/**
 * A new tenant's bot settings (seeded at registration), and what a tenant registered before bot
 * settings existed reads until it saves its own: always open, UTC, English, no LLM.
 */
export const DEFAULT_BOT_SETTINGS: Readonly<BotSettingsFields> = Object.freeze({
  // pg_trgm's own default: a short, misspelt chat question ("delivry time?") still finds its FAQ.
  matchThreshold: 0.3,
  timezone: 'UTC',
  businessHours: null,
  handoffKeywords: {
    en: ['human', 'operator', 'agent', 'talk to a person', 'real person'],
    ru: ['оператор', 'человек', 'менеджер', 'живой человек'],
  },
  priceKeywords: {
    en: ['how much', 'price', 'prices', 'pricing', 'cost', 'costs'],
    ru: ['сколько', 'почём', 'почем', 'цена', 'цену', 'цены', 'стоимость', 'стоимости', 'стоит', 'стоят'],
  },
  defaultLocale: 'en',
  llm: null,
  llmApiKeySealed: null,
  llmApiKeyHint: null,
});

export type BotTexts = Record<BotTextKey, string>;

/** The texts a new tenant's bot starts with, per locale; also the last fallback of every bot profile. */
export const DEFAULT_BOT_TEXTS = Object.freeze({
  en: {
    greeting: 'Hello! Thanks for getting in touch. Ask me anything about our products, prices or delivery.',
    fallback: "Sorry, I'm not sure I understood. Could you put it another way? You can also ask for a person at any time.",
    handoff: "I'm passing you to a colleague. A person will answer you here shortly.",
    out_of_hours: "Thanks for your message! We're closed right now; a person will answer you as soon as we open.",
    quote: '{product} for {model}: {price}.',
    quote_unavailable: '{product} for {model}: not available at the moment. {note}',
    quote_unpriced: '{product} for {model}: a manager will tell you the price shortly.',
    quote_ask_model: 'Which car is it for? Tell me the make and model.',
    quote_ask_which: 'Which one do you mean: {candidates}?',
    quote_ask_product: 'What would you like a price for: {products}?',
  },
  ru: {
    greeting: 'Здравствуйте! Спасибо, что написали. Спросите меня о наших товарах, ценах или доставке.',
    fallback: 'Извините, я не совсем понял. Можете сформулировать иначе? Вы также можете в любой момент позвать оператора.',
    handoff: 'Передаю ваш вопрос коллеге. Вам скоро ответит живой человек.',
    out_of_hours: 'Спасибо за сообщение! Сейчас мы не работаем; вам ответит наш сотрудник, как только мы откроемся.',
    quote: '{product} для {model}: {price}.',
    quote_unavailable: '{product} для {model}: сейчас нет в наличии. {note}',
    quote_unpriced: '{product} для {model}: цену скоро сообщит менеджер.',
    quote_ask_model: 'Для какой машины? Напишите марку и модель.',
    quote_ask_which: 'Какую модель вы имеете в виду: {candidates}?',
    quote_ask_product: 'Цену чего вам подсказать: {products}?',
  },
} satisfies Record<string, BotTexts>);

/** Saler's own texts in a language, when it has them. */
export const defaultBotTexts = (language: string): BotTexts | undefined =>
  Object.hasOwn(DEFAULT_BOT_TEXTS, language) ? DEFAULT_BOT_TEXTS[language as keyof typeof DEFAULT_BOT_TEXTS] : undefined;
