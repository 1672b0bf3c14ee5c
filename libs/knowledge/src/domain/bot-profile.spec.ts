import { DEFAULT_BOT_SETTINGS, DEFAULT_BOT_TEXTS } from './bot-defaults';
import { BotProfileText, buildBotProfile, resolveBotLocale } from './bot-profile';

const at = new Date('2025-01-06T10:00:00Z');

describe('bot profile', () => {
  it('resolves the locale: as asked if the bot has texts in it, else its language, else the default', () => {
    expect(resolveBotLocale('pt-BR', ['en', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(resolveBotLocale('pt-br', ['en', 'pt-BR'], 'en')).toBe('pt-BR');
    expect(resolveBotLocale('ru-RU', ['en'], 'en')).toBe('ru');
    expect(resolveBotLocale('de-AT', ['en', 'de'], 'en')).toBe('de');
    expect(resolveBotLocale('fr', ['en', 'de'], 'de')).toBe('de');
    expect(resolveBotLocale(null, ['en', 'de'], 'de')).toBe('de');
  });

  it("fills texts from the resolved locale, then the default locale's, then Saler's own", () => {
    const texts: BotProfileText[] = [
      { key: 'greeting', locale: 'de', text: 'Hallo!' },
      { key: 'greeting', locale: 'en', text: 'Hi from the shop!' },
      { key: 'fallback', locale: 'en', text: 'Pardon?' },
    ];
    const profile = buildBotProfile(DEFAULT_BOT_SETTINGS, texts, 'de-DE', at);
    expect(profile.locale).toBe('de');
    expect(profile.texts).toEqual({ ...DEFAULT_BOT_TEXTS.en, greeting: 'Hallo!', fallback: 'Pardon?' });
    expect(buildBotProfile(DEFAULT_BOT_SETTINGS, [], 'ru', at).texts).toEqual(DEFAULT_BOT_TEXTS.ru);
  });

  it("joins the resolved and the default locale's hand-off phrases, lower-cased, each once", () => {
    const settings = { ...DEFAULT_BOT_SETTINGS, handoffKeywords: { ru: ['Оператор', 'человек'], en: ['Human', 'operator'], de: ['Mensch'] } };
    expect(buildBotProfile(settings, [], 'ru', at).handoffKeywords).toEqual(['оператор', 'человек', 'human', 'operator']);
    expect(buildBotProfile(settings, [], 'en', at).handoffKeywords).toEqual(['human', 'operator']);
  });

  it('takes the price phrases the same way', () => {
    const settings = { ...DEFAULT_BOT_SETTINGS, defaultLocale: 'ru', priceKeywords: { ru: ['Сколько стоит'], th: ['ราคา'], en: ['Price'] } };
    expect(buildBotProfile(settings, [{ key: 'greeting', locale: 'th', text: 'สวัสดี' }], 'th', at).priceKeywords).toEqual(['ราคา', 'сколько стоит']);
    expect(buildBotProfile(DEFAULT_BOT_SETTINGS, [], 'en', at).priceKeywords).toEqual(DEFAULT_BOT_SETTINGS.priceKeywords.en);
  });

  it('says whether the business is open and whether an LLM is set up', () => {
    expect(buildBotProfile(DEFAULT_BOT_SETTINGS, [], null, at)).toMatchObject({ openNow: true, matchThreshold: 0.3, llmConfigured: false });
    const closedOnMondays = { ...DEFAULT_BOT_SETTINGS, businessHours: { tue: [['09:00', '18:00']] as [string, string][] } };
    expect(buildBotProfile(closedOnMondays, [], null, at).openNow).toBe(false);
    const withLlm = { ...DEFAULT_BOT_SETTINGS, llm: { baseUrl: 'https://llm.example/v1', model: 'm' }, llmApiKeySealed: 'sealed' };
    expect(buildBotProfile(withLlm, [], null, at).llmConfigured).toBe(true);
  });
});
