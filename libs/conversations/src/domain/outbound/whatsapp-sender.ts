import { postJson, toSendResult } from './http-send';
import type { OutboundContent, OutboundTarget, PlatformSender, SendResult } from './platform-sender';

interface WhatsAppSent {
  messages?: { id?: string }[];
}

/** WhatsApp Cloud API (Graph `<phone number id>/messages`); the message id is the wamid. */
export class WhatsAppSender implements PlatformSender {
  constructor(
    private readonly graphApiUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(target: OutboundTarget, content: OutboundContent): Promise<SendResult> {
    const posted = await postJson(
      `${this.graphApiUrl}/${target.credentials.phoneNumberId}/messages`,
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: target.threadId, type: 'text', text: { body: content.text, preview_url: false } },
      { authorization: `Bearer ${target.credentials.accessToken}` },
      this.timeoutMs,
    );
    return toSendResult(posted, (body) => (body as WhatsAppSent | null)?.messages?.[0]?.id);
  }
}
