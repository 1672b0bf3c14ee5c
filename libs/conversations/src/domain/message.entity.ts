import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Conversation } from './conversation.entity';

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const SENDER_TYPES = ['contact', 'bot', 'agent', 'system'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const CONTENT_TYPES = ['text', 'image', 'video', 'audio', 'file', 'sticker', 'location', 'postback', 'event'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a non-text message carried: the platform's file id or URL, its type and what else it told. */
export interface Attachment {
  type: string;
  url?: string;
  fileId?: string;
  mimeType?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
  title?: string;
  payload?: string;
  [key: string]: unknown;
}

/** One step of the bot pipeline, as recorded on its reply. */
export interface BotStep {
  step: string;
  outcome: string;
  detail?: Record<string, unknown>;
}

/** One message of a conversation, either way. */
@Entity({ name: 'messages' })
@Index('messages_platform_id_uq', ['tenantId', 'channelId', 'direction', 'platformMessageId'], { unique: true })
@Index('messages_conversation_idx', ['tenantId', 'conversationId', 'createdAt', 'id'])
// A customer message's replies: whether the bot answered it, what an agent answered it with.
@Index('messages_reply_to_idx', ['tenantId', 'replyToId'], { where: 'reply_to_id IS NOT NULL' })
// The delivery sweeper's cross-tenant scan: only outbound messages still waiting are in it.
@Index('messages_queued_idx', ['deliveryUpdatedAt'], { where: `delivery_status = 'queued'` })
export class Message extends TenantOwnedEntity {
  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ type: 'varchar', length: 8 })
  direction: MessageDirection;

  @Column({ name: 'sender_type', type: 'varchar', length: 8 })
  senderType: SenderType;

  /** The contact, the agent (user id) or null for the bot and the system. */
  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId: string | null;

  @Column({ name: 'content_type', type: 'varchar', length: 16 })
  contentType: ContentType;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'jsonb' })
  attachments: Attachment[];

  /** The platform's id of this message (inbound: as received; outbound: as returned by the send API). */
  @Column({ name: 'platform_message_id', type: 'varchar', length: 200, nullable: true })
  platformMessageId: string | null;

  /** Outbound only. */
  @Column({ name: 'delivery_status', type: 'varchar', length: 16, nullable: true })
  deliveryStatus: DeliveryStatus | null;

  @Column({ name: 'delivery_error', type: 'varchar', length: 1000, nullable: true })
  deliveryError: string | null;

  @Column({ name: 'delivery_attempts', type: 'integer', default: 0 })
  deliveryAttempts: number;

  @Column({ name: 'delivery_updated_at', type: 'timestamptz', nullable: true })
  deliveryUpdatedAt: Date | null;

  /** A text longer than the platform takes goes as several parts (outbound/text-parts.ts): how many have been sent; a retry sends the rest. */
  @Column({ name: 'delivery_parts_sent', type: 'integer', default: 0 })
  deliveryPartsSent: number;

  /** A reply: the inbound message it answers. */
  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId: string | null;

  /** A reply: from the inbound message being received to this reply being stored. */
  @Column({ name: 'latency_ms', type: 'integer', nullable: true })
  latencyMs: number | null;

  @Column({ name: 'from_faq', type: 'boolean', default: false })
  fromFaq: boolean;

  @Column({ name: 'faq_id', type: 'uuid', nullable: true })
  faqId: string | null;

  @Column({ name: 'faq_score', type: 'real', nullable: true })
  faqScore: number | null;

  /** An avatar gesture the bot attaches to a reply (e.g. `wave`, `nod`). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  motion: string | null;

  /** The bot pipeline's steps that produced this reply. */
  @Column({ name: 'bot_steps', type: 'jsonb', nullable: true })
  botSteps: BotStep[] | null;

  /** LINE: the inbound event's reply token (free replies for about a minute; after that a push is sent). */
  @Column({ name: 'reply_token', type: 'varchar', length: 200, nullable: true })
  replyToken: string | null;

  /** When the platform says the message was written (inbound). */
  @Column({ name: 'platform_sent_at', type: 'timestamptz', nullable: true })
  platformSentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'conversation_id', referencedColumnName: 'id' },
  ])
  conversation?: Conversation;
}
