import type { Attachment, ContentType } from '../message.entity';

/** Who wrote, as the platform tells it. */
export interface InboundSender {
  /** The platform's user id: Telegram user id, Messenger PSID, WhatsApp wa_id, LINE userId, widget visitorId. */
  platformUserId: string;
  name?: string;
  username?: string;
  /** A language tag, when the platform gives one (Telegram language_code). */
  locale?: string;
  avatarUrl?: string;
}

/** A customer's message (text, media, location, sticker, postback or callback query). */
export interface InboundMessageItem {
  kind: 'message';
  /** The dedupe key: the platform's own id of this event (`update_id`, `mid`, wamid, `webhookEventId`), namespaced (`tg:update:10000`). */
  eventKey: string;
  /** Where replies go: Telegram chat id, Messenger PSID, WhatsApp wa_id, LINE group/room/user id. */
  threadId: string;
  sender: InboundSender;
  /** The platform's id of the message itself. */
  platformMessageId: string;
  contentType: ContentType;
  text: string | null;
  attachments: Attachment[];
  sentAt: Date | null;
  /** LINE: a reply token, valid for about a minute. */
  replyToken?: string;
}

/** A delivery status of a message we sent (WhatsApp `statuses[]`, Messenger delivery/read). */
export interface InboundStatusItem {
  kind: 'status';
  eventKey: string;
  /** Our outbound message's platform id (wamid). Messenger `read`/`delivery` watermarks use `watermark` instead. */
  platformMessageId: string | null;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Messenger: every message of this thread sent at or before this time has this status. */
  watermark?: Date;
  threadId: string;
  error?: string;
  at: Date | null;
}

/** A user followed (LINE follow, Telegram /start is a message) or left (LINE unfollow, Telegram my_chat_member kicked). */
export interface InboundFollowItem {
  kind: 'follow' | 'unfollow';
  eventKey: string;
  threadId: string;
  sender: InboundSender;
  at: Date | null;
}

/** Acknowledged and not stored: our own echoes, LINE `leave`/`standby`, shapes with nothing for us. */
export interface InboundIgnoredItem {
  kind: 'ignored';
  reason: string;
}

export type InboundItem = InboundMessageItem | InboundStatusItem | InboundFollowItem | InboundIgnoredItem;

/** A body that is not the platform's JSON shape at all (bad JSON, no `entry`/`events`/`update_id`): 400. */
export class MalformedWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedWebhookError';
  }
}
