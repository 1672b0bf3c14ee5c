import type { InboundItem } from './inbound-item';
import { threadLane } from './thread-lane';

const message = (threadId: string): InboundItem => ({
  kind: 'message',
  eventKey: `tg:update:${threadId}`,
  threadId,
  sender: { platformUserId: threadId },
  platformMessageId: threadId,
  contentType: 'text',
  text: 'hi',
  attachments: [],
  sentAt: null,
});
const ignored: InboundItem = { kind: 'ignored', reason: 'echo' };

describe('threadLane', () => {
  it("puts every request of a thread in one lane, that of the request's first thread", () => {
    for (const thread of ['100071', 'U4af4980629', '-1001234567890', '2481937465012345']) {
      const lane = threadLane([message(thread)], 2);
      expect(threadLane([ignored, message(thread), message('other')], 2)).toBe(lane);
      expect(threadLane([{ kind: 'status', eventKey: 'wa:1', platformMessageId: 'wamid.1', status: 'read', threadId: thread, at: null }], 2)).toBe(lane);
    }
  });

  it("spreads a channel's threads over the lanes", () => {
    for (const lanes of [2, 3]) {
      const counts = new Array<number>(lanes).fill(0);
      for (let chat = 100_000; chat < 102_000; chat++) counts[threadLane([message(String(chat))], lanes)]++;
      for (const count of counts) expect(count).toBeGreaterThan((2000 / lanes) * 0.8);
    }
  });

  it('puts a request with no thread, or one lane, in the first', () => {
    expect(threadLane([ignored], 2)).toBe(0);
    expect(threadLane([], 2)).toBe(0);
    expect(threadLane([message('100071')], 1)).toBe(0);
  });
});
