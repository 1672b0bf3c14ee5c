import { FAQ_MIN_SCORE, questionKey, rankFaqs, roundScore } from './faq-match';

const faqs = [
  { id: 'a', questionKey: questionKey('What is the delivery time?') },
  { id: 'b', questionKey: questionKey('Do you accept credit cards?') },
  { id: 'c', questionKey: questionKey('Сколько стоит доставка?') },
  { id: 'd', questionKey: questionKey('Какие сроки изготовления?') },
];

describe('FAQ matching', () => {
  it('keys questions by the shared search key (case, punctuation and script ignored)', () => {
    expect(questionKey('What is the DELIVERY time?!')).toBe(questionKey('what is the delivery time'));
    expect(questionKey('Доставка')).toBe(questionKey('dostavka'));
  });

  it('finds misspelt English questions', () => {
    const [best] = rankFaqs(questionKey('delivry time?'), faqs, 5);
    expect(best.id).toBe('a');
    expect(best.score).toBeGreaterThan(FAQ_MIN_SCORE);
    expect(rankFaqs(questionKey('credit card'), faqs, 5)[0].id).toBe('b');
  });

  it('finds misspelt Russian questions, and Russian written in Latin letters', () => {
    expect(rankFaqs(questionKey('скока стоит доставкa'), faqs, 5)[0].id).toBe('c');
    expect(rankFaqs(questionKey('сроки изготовленя'), faqs, 5)[0].id).toBe('d');
    expect(rankFaqs(questionKey('dostavka stoit'), faqs, 5)[0].id).toBe('c');
  });

  it('drops weak matches, honours the limit and gives scores between 0 and 1, best first', () => {
    expect(rankFaqs(questionKey('zzzz qqqq'), faqs, 5)).toEqual([]);
    expect(rankFaqs('', faqs, 5)).toEqual([]);
    const hits = rankFaqs(questionKey('delivery'), faqs, 1);
    expect(hits).toHaveLength(1);
    expect(rankFaqs(questionKey('What is the delivery time?'), faqs, 5)[0]).toEqual({ id: 'a', score: 1 });
    for (const hit of rankFaqs(questionKey('доставка time'), faqs, 5)) expect(hit.score).toBeGreaterThan(0);
  });

  it('rounds scores to 4 decimals', () => {
    expect(roundScore(6 / 13)).toBe(0.4615);
  });
});
