import { DEFAULT_BOT_TEXTS } from './bot-defaults';
import { BOT_TEXT_KEYS } from './bot-text.entity';
import { botTextProblem, renderBotText } from './bot-text-template';

describe('bot text templates', () => {
  it('fills the placeholders it has values for and leaves others as written', () => {
    expect(renderBotText('{product} for {model}: {price}.', { product: 'EVA mats', model: 'Toyota Camry', price: '4,500.00 THB' })).toBe('EVA mats for Toyota Camry: 4,500.00 THB.');
    expect(renderBotText('{price} {price} {other}', { price: '1' })).toBe('1 1 {other}');
    expect(renderBotText('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('leaves no stray space behind an empty value', () => {
    expect(renderBotText('{product}: not available. {note}', { product: 'Mats', note: '' })).toBe('Mats: not available.');
    expect(renderBotText('Sorry, {note} we are out.', { note: '' })).toBe('Sorry, we are out.');
    expect(renderBotText('Price: {price} .', { price: '5 THB' })).toBe('Price: 5 THB.');
  });

  it('accepts the placeholders of the key and names the ones it does not fill', () => {
    expect(botTextProblem('quote', 'Only {price} for {product} ({model})!')).toBeNull();
    expect(botTextProblem('quote', 'Price: {price}, {total} and {totl}')).toBe('The quote text may use {product}, {model}, {price}; {total}, {totl} is not one of them');
    expect(botTextProblem('greeting', 'Hi {name}!')).toBe('The greeting text takes no placeholders; {name} would be sent as written');
    expect(botTextProblem('greeting', 'Hi :-} { there }')).toBeNull();
  });

  it('has built-in texts that use only their own placeholders, in every built-in language', () => {
    for (const texts of Object.values(DEFAULT_BOT_TEXTS)) {
      for (const key of BOT_TEXT_KEYS) expect(botTextProblem(key, texts[key])).toBeNull();
    }
  });
});
