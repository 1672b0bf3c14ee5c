import { lockKeySql, TenantTx } from '@saler/platform';

/**
 * A conversation is held by the transaction deciding on it: a bot turn, an agent's reply, a change of
 * its status, assignee or bot switch. Another of these waits for it, or (a bot batch) leaves it for
 * later, and then reads what the first one left. On PostgreSQL a hold is a transaction-scoped
 * advisory lock, not the conversation's row lock: counting a customer's new message on the
 * conversation (the webhook's request path) takes the row for a moment and never waits for a bot
 * turn in flight. SQLite has one writer at a time, so whoever writes holds every conversation.
 *
 * A hold is taken by a statement of its own, before the conversation is read: in READ COMMITTED the
 * next statement's snapshot then sees what the previous holder committed.
 */

/**
 * The name of a conversation's hold (`tx.hold`). An id is named in PostgreSQL's text form of a uuid,
 * lower case, as the statements holding several compute it: a path may spell it in upper case.
 */
export const holdName = (conversationId: string): string => `conversation:${conversationId.toLowerCase()}`;
const HELD_KEY = lockKeySql(`'conversation:' || held.id`);

/** The conversations of some messages of this tenant, each once, in id order. */
const CONVERSATIONS_OF = `SELECT DISTINCT conversation_id AS id FROM messages WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY 1`;
/** Waits for each in turn, in id order: two transactions holding several never wait for each other crosswise. */
const HOLD_EACH = `SELECT held.id, pg_advisory_xact_lock(${HELD_KEY}) FROM (${CONVERSATIONS_OF}) held`;
/** Takes those nobody holds; waits for none. */
const HOLD_FREE = `SELECT held.id FROM (${CONVERSATIONS_OF}) held WHERE pg_try_advisory_xact_lock(${HELD_KEY})`;

/** Holds a conversation until this transaction ends, waiting for the transaction that holds it. */
export async function holdConversation(tx: TenantTx, conversationId: string): Promise<void> {
  await tx.hold(holdName(conversationId));
}

/**
 * Holds the conversations of these messages until this transaction ends: waiting for each, or with
 * `skipHeld` only those no other transaction holds. Returns the conversation ids held, or null when
 * every conversation is (SQLite).
 */
export async function holdConversationsOf(tx: TenantTx, messageIds: string[], skipHeld: boolean): Promise<Set<string> | null> {
  if (!tx.isPostgres) return null;
  const held = await tx.prepared<{ id: string }>(skipHeld ? HOLD_FREE : HOLD_EACH, [tx.tenantId, messageIds]);
  return new Set(held.map((row) => row.id));
}
