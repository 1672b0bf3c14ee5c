import { handoffPhrase, isStartCommand } from './bot-decisions';

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
