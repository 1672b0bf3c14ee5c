import { postJson, toSendResult } from './http-send';
import type { OutboundContent, OutboundTarget, PlatformSender, SendResult } from './platform-sender';

interface MessengerSent {
  message_id?: string;
}

/** Messenger Send API (Graph `me/messages`) as a reply within the 24-hour window. */
export class MessengerSender implements PlatformSender {
  constructor(
    private readonly graphApiUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(target: OutboundTarget, content: OutboundContent): Promise<SendResult> {
    const posted = await postJson(
      `${this.graphApiUrl}/me/messages`,
      { recipient: { id: target.threadId }, messaging_type: 'RESPONSE', message: { text: content.text } },
      { authorization: `Bearer ${target.credentials.pageAccessToken}` },
      this.timeoutMs,
    );
    return toSendResult(posted, (body) => (body as MessengerSent | null)?.message_id);
  }
}
