import { handoffPhrase, isStartCommand, PENDING_QUOTE_TTL_MS, pendingQuoteAt } from './bot-decisions';

describe('isStartCommand', () => {
  it.each(['/start', '/START', ' /start ', '/start@shop_bot', '/start ref-42'])('%j is Telegram /start', (text) => expect(isStartCommand(text)).toBe(true));
  it.each(['/started', 'start', 'please /start', null])('%j is not', (text) => expect(isStartCommand(text)).toBe(false));
});

describe('handoffPhrase', () => {
  const phrases = ['human', 'talk to a person', 'оператор', 'живой человек'];

  it('finds a phrase whatever the case and punctuation', () => {
    expect(handoffPhrase('Can I talk to a PERSON, please?', phrases)).toBe('talk to a person');
    expect(handoffPhrase('human!!', phrases)).toBe('human');
  });

  it('matches inflected Russian words by their stem', () => {
    expect(handoffPhrase('Позовите оператора, пожалуйста', phrases)).toBe('оператор');
    expect(handoffPhrase('хочу поговорить с живым человеком', phrases)).toBeNull();
    expect(handoffPhrase('дайте живого человека', ['живо человек'])).toBe('живо человек');
  });

  it('needs the words in order and next to each other', () => {
    expect(handoffPhrase('a person I want to talk to', phrases)).toBeNull();
    expect(handoffPhrase('What is the delivery time?', phrases)).toBeNull();
  });

  it('ignores empty phrases and empty messages', () => {
    expect(handoffPhrase('anything', ['', '!!'])).toBeNull();
    expect(handoffPhrase(null, phrases)).toBeNull();
    expect(handoffPhrase('', phrases)).toBeNull();
  });
});

describe('a pending quote', () => {
  const askedAt = '2026-11-01T10:00:00.000Z';
  const pending = { categoryId: 'c', modelId: null, askedAt };

  it('is read as the catalogue draft for a day after the bot asked', () => {
    expect(pendingQuoteAt(pending, new Date('2026-11-01T10:00:01Z'))).toEqual({ categoryId: 'c', modelId: null });
    expect(pendingQuoteAt(pending, new Date(Date.parse(askedAt) + PENDING_QUOTE_TTL_MS))).toEqual({ categoryId: 'c', modelId: null });
  });

  it('is forgotten after that, and there is none without one', () => {
    expect(pendingQuoteAt(pending, new Date(Date.parse(askedAt) + PENDING_QUOTE_TTL_MS + 1))).toBeNull();
    expect(pendingQuoteAt(null, new Date(askedAt))).toBeNull();
  });
});
