import { postJson, toSendResult } from './http-send';
import type { OutboundContent, OutboundTarget, PlatformSender, SendResult } from './platform-sender';

interface TelegramSent {
  result?: { message_id?: number };
}

/** Telegram Bot API `sendMessage`; the message id is `<chat_id>:<message_id>` (Telegram numbers messages per chat). */
export class TelegramSender implements PlatformSender {
  constructor(
    private readonly apiUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(target: OutboundTarget, content: OutboundContent): Promise<SendResult> {
    const posted = await postJson(`${this.apiUrl}/bot${target.credentials.botToken}/sendMessage`, { chat_id: target.threadId, text: content.text }, {}, this.timeoutMs);
    return toSendResult(posted, (body) => {
      const messageId = (body as TelegramSent | null)?.result?.message_id;
      return messageId === undefined ? null : `${target.threadId}:${messageId}`;
    });
  }
}
