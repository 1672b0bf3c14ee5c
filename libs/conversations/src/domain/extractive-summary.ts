import type { Message } from './message.entity';

const LAST_EXCHANGES = 4;
const MAX_LENGTH = 2000;

const line = (message: Pick<Message, 'direction' | 'senderType' | 'text'>): string => `${message.direction === 'inbound' ? 'Customer' : message.senderType === 'agent' ? 'Agent' : 'Bot'}: ${message.text}`;

/**
 * A summary without an LLM: the customer's first message (what they came for), then the last
 * exchanges, oldest first, each line prefixed by who spoke. Messages without text are left out.
 */
export function extractiveSummary(messages: readonly Pick<Message, 'direction' | 'senderType' | 'text' | 'contentType'>[]): string | null {
  const spoken = messages.filter((message) => message.text !== null && message.text.trim() !== '' && message.contentType !== 'event');
  const first = spoken.find((message) => message.direction === 'inbound');
  if (first === undefined) return null;
  const after = spoken.slice(spoken.indexOf(first) + 1);
  const tail = after.slice(-LAST_EXCHANGES * 2);
  const lines = [line(first), ...(after.length > tail.length ? ['…'] : []), ...tail.map(line)];
  const summary = lines.join('\n');
  return summary.length > MAX_LENGTH ? `${summary.slice(0, MAX_LENGTH - 1)}…` : summary;
}
