import type { ChannelType } from '@saler/platform';
import type { ChannelSettings } from '../channel.entity';

/** Where an outbound message goes: the channel (with its opened credentials) and the thread. */
export interface OutboundTarget {
  channelType: Exclude<ChannelType, 'web'>;
  /** The opened credentials, by the create-body names (botToken, pageAccessToken, accessToken, channelAccessToken, …). */
  credentials: Record<string, string>;
  settings: ChannelSettings;
  /** Telegram chat id, Messenger PSID, WhatsApp wa_id, LINE user/group/room id. */
  threadId: string;
  /** LINE: the inbound event's reply token, when still fresh; otherwise a push is sent. */
  replyToken?: string;
  /** The customer's last message, which opens Messenger's 24-hour reply window (unknown: treated as open). */
  lastInboundAt?: Date | null;
}

export interface OutboundContent {
  text: string;
  /** A person's message (not the bot's): Messenger lets it out of the 24-hour window with the HUMAN_AGENT tag. */
  fromAgent?: boolean;
}

export type SendResult =
  | { ok: true; platformMessageId: string | null }
  | {
      ok: false;
      /** 5xx, 429, timeouts and network errors are retried; other 4xx are not. */
      retryable: boolean;
      /** From a Retry-After header (seconds or HTTP date), in ms. */
      retryAfterMs?: number;
      /** The platform's own error text (description / error.message), with the HTTP status. */
      error: string;
      status?: number;
    };

/** One platform's send API. */
export interface PlatformSender {
  send(target: OutboundTarget, content: OutboundContent): Promise<SendResult>;
}
