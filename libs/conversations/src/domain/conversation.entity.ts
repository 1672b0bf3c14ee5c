import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwnedEntity } from '@saler/platform';
import { Channel } from './channel.entity';

export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** A price question the bot asked a follow-up about: the catalogue category and model settled so far, and when it asked. */
export interface PendingQuote {
  categoryId: string | null;
  modelId: string | null;
  askedAt: string;
}

/**
 * One thread with one customer on one channel (`threadId`: the Telegram chat, the Messenger PSID, the
 * WhatsApp number, the LINE user or group, the widget visitor). A resolved conversation reopens when
 * the customer writes again.
 */
@Entity({ name: 'conversations' })
@Index('conversations_thread_uq', ['tenantId', 'channelId', 'threadId'], { unique: true })
@Index('conversations_tenant_last_message_idx', ['tenantId', 'lastMessageAt', 'id'])
@Index('conversations_tenant_status_idx', ['tenantId', 'status', 'lastMessageAt'])
@Index('conversations_tenant_contact_idx', ['tenantId', 'contactId'])
// The idle-summary sweeper's cross-tenant scan: only conversations with messages since their summary are in it.
@Index('conversations_unsummarized_idx', ['lastMessageAt'], { where: 'summarized_at IS NULL OR summarized_at < last_message_at' })
export class Conversation extends TenantOwnedEntity {
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ name: 'thread_id', type: 'varchar', length: 200 })
  threadId: string;

  /** The CRM contact (crm context) this thread belongs to. */
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  /** The lead opened for this conversation (crm context). */
  @Column({ name: 'lead_id', type: 'uuid', nullable: true })
  leadId: string | null;

  /** The customer's display name on the platform, for lists and search. */
  @Column({ name: 'contact_name', type: 'varchar', length: 200, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ConversationStatus;

  @Column({ name: 'bot_enabled', type: 'boolean', default: true })
  botEnabled: boolean;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** The customer's language, when the platform tells it. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  locale: string | null;

  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount: number;

  @Column({ name: 'last_message_at', type: 'timestamptz' })
  lastMessageAt: Date;

  @Column({ name: 'last_inbound_at', type: 'timestamptz', nullable: true })
  lastInboundAt: Date | null;

  /** The first agent reply, and how long after the conversation opened it came. */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ name: 'first_response_ms', type: 'integer', nullable: true })
  firstResponseMs: number | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'summarized_at', type: 'timestamptz', nullable: true })
  summarizedAt: Date | null;

  /** A price question the bot asked a follow-up about ("which car is it for?"): what the customer already said, and when. */
  @Column({ name: 'pending_quote', type: 'jsonb', nullable: true })
  pendingQuote: PendingQuote | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Channel, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId' },
    { name: 'channel_id', referencedColumnName: 'id' },
  ])
  channel?: Channel;
}
