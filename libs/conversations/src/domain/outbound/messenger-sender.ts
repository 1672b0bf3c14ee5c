import { postJson, toSendResult } from './http-send';
import type { OutboundContent, OutboundTarget, PlatformSender, SendResult } from './platform-sender';

interface MessengerSent {
  message_id?: string;
}

/** Messenger's standard messaging window after the customer's last message, and how long the HUMAN_AGENT tag extends it for a person's reply. */
export const MESSENGER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Messenger Send API (Graph `me/messages`): a RESPONSE within the 24-hour window; an agent's reply
 * after it goes as a MESSAGE_TAG with HUMAN_AGENT (Meta allows that up to 7 days, for pages with the
 * Human Agent permission; Graph's refusal otherwise fails the message with its error).
 */
export class MessengerSender implements PlatformSender {
  constructor(
    private readonly graphApiUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async send(target: OutboundTarget, content: OutboundContent): Promise<SendResult> {
    const posted = await postJson(
      `${this.graphApiUrl}/me/messages`,
      { recipient: { id: target.threadId }, ...messagingType(target, content), message: { text: content.text } },
      { authorization: `Bearer ${target.credentials.pageAccessToken}` },
      this.timeoutMs,
    );
    return toSendResult(posted, (body) => (body as MessengerSent | null)?.message_id);
  }
}

function messagingType(target: OutboundTarget, content: OutboundContent): { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' } {
  const windowClosed = target.lastInboundAt != null && Date.now() - target.lastInboundAt.getTime() > MESSENGER_WINDOW_MS;
  return windowClosed && content.fromAgent === true ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
}
