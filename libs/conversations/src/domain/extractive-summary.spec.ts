import { extractiveSummary } from './extractive-summary';
import type { SenderType } from './message.entity';

const message = (direction: 'inbound' | 'outbound', text: string | null, senderType: SenderType = direction === 'inbound' ? 'contact' : 'bot') =>
  ({ direction, senderType, text, contentType: 'text' }) as const;

describe('extractiveSummary', () => {
  it('keeps the first customer message and the last exchanges, marking the gap', () => {
    const messages = [message('inbound', 'Do you deliver to Bangkok?'), message('outbound', 'Yes.')];
    for (let i = 0; i < 6; i++) messages.push(message('inbound', `question ${i}`), message('outbound', `answer ${i}`, 'agent'));
    const summary = extractiveSummary(messages) as string;
    const lines = summary.split('\n');
    expect(lines[0]).toBe('Customer: Do you deliver to Bangkok?');
    expect(lines[1]).toBe('…');
    expect(lines.slice(2)).toEqual(['Customer: question 2', 'Agent: answer 2', 'Customer: question 3', 'Agent: answer 3', 'Customer: question 4', 'Agent: answer 4', 'Customer: question 5', 'Agent: answer 5']);
  });

  it('has no gap marker for a short conversation and skips messages without text', () => {
    expect(extractiveSummary([message('outbound', 'Hello!'), message('inbound', 'Price of seat covers?'), message('inbound', null), message('outbound', 'From 4,500 THB.')])).toBe(
      'Customer: Price of seat covers?\nBot: From 4,500 THB.',
    );
  });

  it('is null when the customer never wrote', () => {
    expect(extractiveSummary([message('outbound', 'Hello!')])).toBeNull();
  });
});
