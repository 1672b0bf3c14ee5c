import { postJson, PostResult, toSendResult } from './http-send';
import type { OutboundContent, OutboundTarget, PlatformSender, SendResult } from './platform-sender';

interface LineSent {
  sentMessages?: { id?: string }[];
}

/**
 * LINE Messaging API: a reply (free, single use, short-lived) while the inbound event's reply token
 * is fresh, else a push. A reply token that has expired meanwhile falls back to one push.
 */
export class LineSender implements PlatformSender {
  constructor(
    private readonly apiUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(target: OutboundTarget, content: OutboundContent): Promise<SendResult> {
    const messages = [{ type: 'text', text: content.text }];
    const headers = { authorization: `Bearer ${target.credentials.channelAccessToken}` };
    let posted: PostResult | undefined;
    if (target.replyToken) {
      posted = await postJson(`${this.apiUrl}/v2/bot/message/reply`, { replyToken: target.replyToken, messages }, headers, this.timeoutMs);
    }
    if (!posted || isInvalidReplyToken(posted)) {
      posted = await postJson(`${this.apiUrl}/v2/bot/message/push`, { to: target.threadId, messages }, headers, this.timeoutMs);
    }
    return toSendResult(posted, (body) => (body as LineSent | null)?.sentMessages?.[0]?.id);
  }
}

function isInvalidReplyToken(posted: PostResult): boolean {
  return !posted.ok && posted.status === 400 && /invalid reply token/i.test(posted.error);
}
