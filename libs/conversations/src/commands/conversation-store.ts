import { CommandBus } from '@nestjs/cqrs';
import { OpenChatLeadsCommand } from '@saler/crm';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { groupBy, newId, TenantTx } from '@saler/platform';
import { Channel } from '../domain/channel.entity';
import { Conversation } from '../domain/conversation.entity';
import { notFound } from '../domain/conversation-problems';
import type { InboundSender } from '../domain/webhooks/inbound-item';

export async function loadConversation(tx: TenantTx, id: string): Promise<Conversation> {
  const conversation = await tx.repository(Conversation).findOne({ id });
  if (conversation === null) throw notFound('conversation');
  return conversation;
}

/** The conversation of a thread on a channel, locked, or a new one with no message counted yet. */
export async function findOrOpenConversation(
  tx: TenantTx,
  commandBus: CommandBus,
  channel: Pick<Channel, 'id' | 'type'>,
  threadId: string,
  sender: InboundSender,
  at: Date,
): Promise<{ conversation: Conversation; created: boolean }> {
  // Locked: messages of one conversation are counted one at a time.
  const existing = await tx.repository(Conversation).lockOne({ channelId: channel.id, threadId });
  if (existing !== null) return { conversation: existing, created: false };
  const [conversation] = await openConversations(tx, commandBus, channel, [{ threadId, sender, inbound: 0 }], at);
  return { conversation, created: true };
}

/** A thread to open: who wrote, and how many of their messages are counted on it already. */
export interface NewThread {
  threadId: string;
  sender: InboundSender;
  inbound: number;
}

/**
 * New conversations of threads, in order, with their customer messages already counted. A new thread
 * also gets its CRM contact (found by the platform identity, or created with it) and a new lead,
 * through the CRM's command in this same unit of work; all of them in a few statements.
 */
export async function openConversations(tx: TenantTx, commandBus: CommandBus, channel: Pick<Channel, 'id' | 'type'>, threads: NewThread[], at: Date): Promise<Conversation[]> {
  if (threads.length === 0) return [];
  const nameOf = (sender: InboundSender) => sender.name ?? sender.username ?? null;
  const leads = await commandBus.execute(
    new OpenChatLeadsCommand(
      tx.context,
      threads.map(({ sender }) => ({
        channel: channel.type,
        platformUserId: sender.platformUserId,
        name: nameOf(sender),
        locale: sender.locale ?? null,
        phone: channel.type === 'whatsapp' ? sender.platformUserId : null,
      })),
    ),
  );
  const conversations = threads.map(({ threadId, sender, inbound }, index): Conversation => ({
    tenantId: tx.tenantId,
    id: newId(),
    channelId: channel.id,
    threadId,
    contactId: leads[index].contactId,
    leadId: leads[index].leadId,
    contactName: nameOf(sender),
    status: 'open',
    botEnabled: true,
    assigneeId: null,
    locale: sender.locale ?? null,
    messageCount: inbound,
    lastMessageAt: at,
    lastInboundAt: inbound > 0 ? at : null,
    firstResponseAt: null,
    firstResponseMs: null,
    summary: null,
    summarizedAt: null,
    pendingQuote: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  await tx.repository(Conversation).insertBulk(conversations);
  return conversations;
}

/**
 * `count` new messages on a conversation; a customer writing again reopens a resolved conversation.
 * The version (ETag) is the editable fields', so a message leaves it alone.
 */
function counted(at: Date, inbound: boolean, count = 1): QueryDeepPartialEntity<Conversation> {
  return {
    messageCount: () => `message_count + ${count}`,
    lastMessageAt: at,
    ...(inbound ? { lastInboundAt: at, status: () => `CASE WHEN status = 'resolved' THEN 'open' ELSE status END` } : {}),
    updatedAt: at,
  };
}

export async function countMessage(tx: TenantTx, conversation: Pick<Conversation, 'id'>, at: Date, inbound: boolean): Promise<void> {
  await tx.repository(Conversation).update({ id: conversation.id }, counted(at, inbound));
}

/** The keys of a key → count map, grouped by their count: one statement per distinct count. */
function byCount(perKey: Map<string, number>): Map<number, string[]> {
  return new Map([...groupBy(perKey, ([, count]) => count)].map(([count, entries]) => [count, entries.map(([key]) => key)]));
}

/**
 * On PostgreSQL the conversations counted on are locked first in id order, in the counting statement
 * itself (a materialized `SELECT … ORDER BY id FOR NO KEY UPDATE`): a webhook batch counting its
 * customers' messages and a bot batch counting its replies may share conversations, and neither then
 * waits for the other crosswise. Either counts every conversation in one prepared statement, of a
 * fixed text whatever the number of rows.
 */
const LOCKED_IN_ORDER = (where: string) => `locked AS MATERIALIZED (SELECT id, thread_id FROM conversations WHERE ${where} ORDER BY id FOR NO KEY UPDATE)`;

const COUNT_OUTBOUND = `WITH ${LOCKED_IN_ORDER('tenant_id = $1 AND id = ANY($2::uuid[])')}
  UPDATE conversations c SET message_count = c.message_count + v.n, last_message_at = $4, updated_at = $4
  FROM locked JOIN unnest($2::uuid[], $3::int[]) AS v(id, n) ON v.id = locked.id
  WHERE c.tenant_id = $1 AND c.id = locked.id`;

const COUNT_INBOUND = `WITH ${LOCKED_IN_ORDER('tenant_id = $1 AND channel_id = $2 AND thread_id = ANY($3::varchar[])')}
  UPDATE conversations c SET message_count = c.message_count + v.n, last_message_at = $5, last_inbound_at = $5,
    status = CASE WHEN c.status = 'resolved' THEN 'open' ELSE c.status END, updated_at = $5
  FROM locked JOIN unnest($3::varchar[], $4::int[]) AS v(thread_id, n) ON v.thread_id = locked.thread_id
  WHERE c.tenant_id = $1 AND c.id = locked.id
  RETURNING c.id, c.thread_id AS "threadId", c.contact_id AS "contactId"`;

/** Counts replies (conversation → how many) on their conversations; on SQLite one statement per distinct count (usually one). */
export async function countOutbound(tx: TenantTx, perConversation: Map<string, number>, at: Date): Promise<void> {
  if (tx.isPostgres) {
    await tx.prepared(COUNT_OUTBOUND, [tx.tenantId, [...perConversation.keys()], [...perConversation.values()], at]);
    return;
  }
  for (const [count, ids] of byCount(perConversation)) await tx.repository(Conversation).update({ id: ids.length === 1 ? ids[0] : In(ids) }, counted(at, false, count));
}

/**
 * Counts customer messages (thread → how many) on the threads' conversations of a channel without
 * reading them first (on SQLite one statement per distinct count, usually one); returns the
 * conversations found. A thread not among them has no conversation yet.
 */
export async function countInbound(tx: TenantTx, channelId: string, perThread: Map<string, number>, at: Date): Promise<Pick<Conversation, 'id' | 'threadId' | 'contactId'>[]> {
  if (tx.isPostgres) return await tx.prepared(COUNT_INBOUND, [tx.tenantId, channelId, [...perThread.keys()], [...perThread.values()], at]);
  const found: Pick<Conversation, 'id' | 'threadId' | 'contactId'>[] = [];
  for (const [count, threadIds] of byCount(perThread)) {
    found.push(...(await tx.repository(Conversation).updateReturning({ channelId, threadId: threadIds }, counted(at, true, count), ['id', 'threadId', 'contactId'])));
  }
  return found;
}
