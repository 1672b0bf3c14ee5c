import type { InboundItem } from './inbound-item';

/**
 * Which of a channel's `lanes` (batches stored at once) a request goes in: that of its first thread,
 * so a conversation's requests are always stored one batch after another, in the order received, and
 * two lanes never write the same conversation. A request with no thread (only ignored items) goes in
 * the first.
 */
export function threadLane(items: InboundItem[], lanes: number): number {
  const thread = items.find((item) => item.kind !== 'ignored')?.threadId ?? '';
  let hash = 0;
  for (let index = 0; index < thread.length; index++) hash = (Math.imul(hash, 31) + thread.charCodeAt(index)) >>> 0;
  return hash % lanes;
}
