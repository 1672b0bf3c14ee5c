import { readQuoteIntent } from './quote-intent';

const category = (name: string) => ({ id: name, name });
const covers = category('Seat covers');
const mats = category('EVA mats');
const russianCovers = category('Чехлы');
const PRICE = ['how much', 'price', 'сколько', 'цена', 'цену', 'стоят'];

describe('reading a message for a catalogue quote', () => {
  it('finds the category by its name among the words, and keeps what may name the car', () => {
    expect(readQuoteIntent('How much are seat covers for a Camry 2019?', [mats, covers], PRICE)).toEqual({ category: covers, asksPrice: true, modelText: 'camry 2019' });
    expect(readQuoteIntent('eva mats toyota rav4', [mats, covers], PRICE)).toEqual({ category: mats, asksPrice: false, modelText: 'toyota rav 4' });
    expect(readQuoteIntent('Seat covers', [covers], PRICE)).toEqual({ category: covers, asksPrice: false, modelText: '' });
  });

  it('reads Cyrillic and Latin spellings alike and drops Russian price and filler words', () => {
    expect(readQuoteIntent('сколько стоят чехлы на камри', [covers, russianCovers], PRICE)).toEqual({ category: russianCovers, asksPrice: true, modelText: 'камри' });
    expect(readQuoteIntent('chekhly dlya solaris', [russianCovers], PRICE)).toEqual({ category: russianCovers, asksPrice: false, modelText: 'dlya solaris' });
    expect(readQuoteIntent('Подскажите цену на ЧЕХЛЫ для моей Kia Rio!', [russianCovers], PRICE)).toEqual({ category: russianCovers, asksPrice: true, modelText: 'kia rio' });
  });

  it('tolerates a typo in the category name, a little more when a price is asked for', () => {
    expect(readQuoteIntent('a seat cover for my camry', [covers], PRICE).category).toBe(covers);
    // "eva mat" is 0.6 similar to "eva mats"; "чехлов" 0.5 to "чехлы": enough only with a price word.
    expect(readQuoteIntent('eva mat camry', [mats], PRICE).category).toBe(mats);
    expect(readQuoteIntent('чехлов на камри', [russianCovers], PRICE)).toEqual({ category: null, asksPrice: false, modelText: 'чехлов камри' });
    expect(readQuoteIntent('цена чехлов на камри', [russianCovers], PRICE)).toEqual({ category: russianCovers, asksPrice: true, modelText: 'камри' });
  });

  it('prefers the most similar category, then the one of more words', () => {
    const coversOnly = category('Covers');
    expect(readQuoteIntent('seat covers for corolla', [coversOnly, covers], PRICE).category).toBe(covers);
    expect(readQuoteIntent('covers for corolla', [coversOnly, covers], PRICE).category).toBe(coversOnly);
  });

  it('reads a price question that names no category, with what is left for the car', () => {
    expect(readQuoteIntent('How much is a Camry 2019?', [covers, mats], PRICE)).toEqual({ category: null, asksPrice: true, modelText: 'camry 2019' });
    expect(readQuoteIntent('Price?', [], PRICE)).toEqual({ category: null, asksPrice: true, modelText: '' });
  });

  it('uses the price phrases given, compared word by word whatever their case and punctuation', () => {
    expect(readQuoteIntent('What does it COST, for a Camry?', [covers], ['what does it cost']).asksPrice).toBe(true);
    expect(readQuoteIntent('what does it cost', [covers], ['what does it cost', '  ', '!!']).modelText).toBe('');
    expect(readQuoteIntent('how much for a camry', [covers], []).asksPrice).toBe(false);
    expect(readQuoteIntent('the price is right', [covers], ['how much']).asksPrice).toBe(false);
  });

  it('finds neither a category nor a price question in other messages', () => {
    expect(readQuoteIntent('Do you deliver to Bangkok?', [covers, mats], PRICE)).toEqual({ category: null, asksPrice: false, modelText: 'deliver bangkok' });
    expect(readQuoteIntent('', [covers], PRICE)).toEqual({ category: null, asksPrice: false, modelText: '' });
    expect(readQuoteIntent('seat covers', [], PRICE).category).toBeNull();
  });
});
