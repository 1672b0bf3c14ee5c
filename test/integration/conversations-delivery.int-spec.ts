import { CommandBus } from '@nestjs/cqrs';
import { JOBS, newId, QUEUES } from '@saler/platform';
import { Client } from 'pg';
import { AuditLogPage } from '../../libs/audit/src/queries/list-audit-logs/audit-log.view';
import { ListAuditLogsQuery } from '../../libs/audit/src/queries/list-audit-logs/list-audit-logs.query';
import { ChannelView } from '../../libs/conversations/src/commands/channel.view';
import { CreateChannelCommand } from '../../libs/conversations/src/commands/create-channel/create-channel.command';
import { DeleteChannelCommand } from '../../libs/conversations/src/commands/delete-channel/delete-channel.command';
import { DeliverMessageCommand, DeliveryOutcome } from '../../libs/conversations/src/commands/deliver-message/deliver-message.command';
import { ingestInbound } from '../../libs/conversations/src/commands/ingest-inbound';
import { PurgeCounts, PurgeStaleConversationsCommand } from '../../libs/conversations/src/commands/purge-stale-conversations/purge-stale-conversations.command';
import { SendAgentReplyCommand } from '../../libs/conversations/src/commands/send-agent-reply/send-agent-reply.command';
import { SweepStuckDeliveriesCommand } from '../../libs/conversations/src/commands/sweep-stuck-deliveries/sweep-stuck-deliveries.command';
import { Channel } from '../../libs/conversations/src/domain/channel.entity';
import { Conversation } from '../../libs/conversations/src/domain/conversation.entity';
import { InboundEvent } from '../../libs/conversations/src/domain/inbound-event.entity';
import { Message } from '../../libs/conversations/src/domain/message.entity';
import { TEXT_LIMITS } from '../../libs/conversations/src/domain/outbound/text-parts';
import { UpdateTenantCommand } from '../../libs/identity/src/commands/update-tenant/update-tenant.command';
import { ConversationsKit, TelegramChannel, TestTenant } from '../support/conversations-kit';
import { PlatformStub, StubRequest } from '../support/platform-stub';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const BACKOFF_MS = 1500;
const ATTEMPTS = 3;
const TIMEOUT_MS = 2000;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The conversations' background work after the bot: delivery of queued replies to the platform
 * (DeliverMessageCommand against the PlatformStub, retries queued with their backoff), the sweep
 * that re-queues stuck deliveries, and retention; at handler level on both drivers. The queue is
 * the inline driver, recording every job added.
 */
describe(`conversations: delivery, sweep and retention (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let stub: PlatformStub;
  let kit: ConversationsKit;
  let tenant: TestTenant;
  let channel: TelegramChannel;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase();
    kit = await ConversationsKit.start(db, stub, { DELIVERY_BACKOFF_MS: String(BACKOFF_MS), DELIVERY_ATTEMPTS: String(ATTEMPTS), OUTBOUND_TIMEOUT_MS: String(TIMEOUT_MS) });
    tenant = await kit.registerTenant();
    channel = await kit.telegramChannel(tenant);
  });

  afterAll(async () => {
    await kit?.close();
    await stub?.close();
    await db?.drop();
  });

  /** An agent's reply, stored `queued` in a new chat: what the delivery worker takes. */
  const queuedReply = async (on: TelegramChannel = channel, text = 'Yes, we have them in black.'): Promise<{ message: Message; chatId: string }> => {
    const received = await kit.receive(tenant, on, kit.newChatId(), 'Do you have leather covers?');
    const view = await kit.execute<{ id: string }>(new SendAgentReplyCommand(tenant.owner.context, tenant.owner.caller, received.conversationId, text));
    const message = await kit.message(tenant.tenantId, view.id);
    expect(message).toMatchObject({ direction: 'outbound', senderType: 'agent', deliveryStatus: 'queued', deliveryAttempts: 0 });
    return { message, chatId: received.chatId };
  };
  const deliver = (messageId: string, attempt: number): Promise<DeliveryOutcome> => kit.execute(new DeliverMessageCommand(tenant.context, messageId, attempt));
  const sendsTo = (chatId: string) => (request: StubRequest) => /^\/bot[^/]+\/sendMessage$/.test(request.path) && (request.body as { chat_id?: unknown }).chat_id === chatId;
  const deliveryJobs = (messageId: string) => kit.queue.added.filter((job) => job.name === JOBS.MESSAGE_DELIVERY && (job.data.payload as { messageId: string }).messageId === messageId);

  describe('DeliverMessageCommand', () => {
    it("sends the text to the chat and stores the platform's message id", async () => {
      const { message, chatId } = await queuedReply();
      stub.respond(sendsTo(chatId), { status: 200, body: { ok: true, result: { message_id: 4242, chat: { id: Number(chatId) }, date: 0, text: message.text } } });
      expect(await deliver(message.id, 1)).toBe('sent');
      const [request, ...more] = stub.requestsTo(sendsTo(chatId));
      expect(more).toEqual([]);
      expect(request.path).toBe(`/bot${channel.botToken}/sendMessage`);
      expect(request.body).toEqual({ chat_id: chatId, text: 'Yes, we have them in black.' });
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'sent', platformMessageId: `${chatId}:4242`, deliveryError: null, deliveryAttempts: 1 });
      expect(deliveryJobs(message.id)).toEqual([]);
    });

    it('sends a text longer than the platform takes as parts, and a retry sends only the parts not sent yet', async () => {
      const paragraph = (n: number) => `Paragraph ${n}: ${'all about our seat covers and mats '.repeat(60).trim()}.`;
      // Three paragraphs of about 2,100 characters: no two fit in one Telegram message.
      const text = [1, 2, 3].map(paragraph).join('\n\n');
      expect(paragraph(1).length * 2).toBeGreaterThan(TEXT_LIMITS.telegram);
      const { message, chatId } = await queuedReply(channel, text);
      const sent = (id: number) => ({ status: 200, body: { ok: true, result: { message_id: id, chat: { id: Number(chatId) }, date: 0 } } });
      stub.respond(sendsTo(chatId), sent(11), { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } }, sent(12), sent(13));
      expect(await deliver(message.id, 1)).toBe('retrying');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'queued', deliveryPartsSent: 1, deliveryAttempts: 1 });
      expect(await deliver(message.id, 2)).toBe('sent');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'sent', platformMessageId: `${chatId}:13`, deliveryPartsSent: 2, deliveryAttempts: 2 });
      const texts = stub.requestsTo(sendsTo(chatId)).map((request) => (request.body as { text: string }).text);
      expect(texts).toHaveLength(4);
      expect(texts[1]).toBe(texts[2]);
      for (const part of texts) expect(part.length).toBeLessThanOrEqual(TEXT_LIMITS.telegram);
      expect([texts[0], texts[2], texts[3]].join('\n\n')).toBe(text);
    });

    it("fails at once on a 400, with the platform's error text, and queues no other attempt", async () => {
      const { message, chatId } = await queuedReply();
      stub.respond(sendsTo(chatId), { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } });
      expect(await deliver(message.id, 1)).toBe('failed');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'failed', deliveryError: '400 Bad Request: chat not found', platformMessageId: null, deliveryAttempts: 1 });
      expect(deliveryJobs(message.id)).toEqual([]);
      expect(stub.requestsTo(sendsTo(chatId))).toHaveLength(1);
    });

    it('keeps a message queued after a 500 and queues the next attempt after the backoff', async () => {
      const { message, chatId } = await queuedReply();
      stub.respond(sendsTo(chatId), { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error: try later' } });
      expect(await deliver(message.id, 1)).toBe('retrying');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'queued', deliveryError: '500 Internal Server Error: try later', deliveryAttempts: 1, platformMessageId: null });
      const [retry, ...more] = kit.queue.byId(`deliver.${message.id}.2`);
      expect(more).toEqual([]);
      expect(retry).toMatchObject({ queue: QUEUES.CONVERSATIONS, name: JOBS.MESSAGE_DELIVERY, data: { tenantId: tenant.tenantId, payload: { messageId: message.id, attempt: 2 } }, opts: { attempts: 1 } });
      expect(retry.opts.delayMs).toBeGreaterThanOrEqual(BACKOFF_MS);

      // The next attempt, as its job runs it, sends.
      expect(await deliver(message.id, 2)).toBe('sent');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'sent', deliveryError: null, deliveryAttempts: 2 });
      expect(stub.requestsTo(sendsTo(chatId))).toHaveLength(2);
    });

    it("waits at least the platform's Retry-After after a 429", async () => {
      const { message, chatId } = await queuedReply();
      stub.respond(sendsTo(chatId), { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7' } });
      expect(await deliver(message.id, 1)).toBe('retrying');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'queued', deliveryError: '429 Too Many Requests: retry after 7' });
      const [retry] = kit.queue.byId(`deliver.${message.id}.2`);
      expect(retry.opts.delayMs).toBeGreaterThanOrEqual(7000);
    });

    it('fails when the last allowed attempt fails, queueing nothing after it', async () => {
      const { message, chatId } = await queuedReply();
      stub.respond(sendsTo(chatId), ...Array.from({ length: ATTEMPTS }, (_, i) => ({ status: 502 + i, body: { ok: false, description: `Gateway trouble ${i + 1}` } })));
      expect(await deliver(message.id, 1)).toBe('retrying');
      expect(await deliver(message.id, 2)).toBe('retrying');
      expect(kit.queue.byId(`deliver.${message.id}.3`)[0].opts.delayMs).toBeGreaterThanOrEqual(2 * BACKOFF_MS);
      expect(await deliver(message.id, ATTEMPTS)).toBe('failed');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'failed', deliveryError: `504 Gateway trouble ${ATTEMPTS}`, deliveryAttempts: ATTEMPTS });
      expect(deliveryJobs(message.id).map((job) => job.opts.jobId)).toEqual([2, 3].map((attempt) => `deliver.${message.id}.${attempt}`));
      expect(stub.requestsTo(sendsTo(chatId))).toHaveLength(ATTEMPTS);
    });

    it('skips a duplicated job of an attempt: the platform gets one request', async () => {
      const { message, chatId } = await queuedReply();
      const outcomes = await Promise.all([deliver(message.id, 1), deliver(message.id, 1)]);
      expect(outcomes.sort()).toEqual(['sent', 'skipped']);
      expect(await deliver(message.id, 1)).toBe('skipped');
      // A stale retry of a delivered message changes nothing either.
      expect(await deliver(message.id, 2)).toBe('skipped');
      expect(stub.requestsTo(sendsTo(chatId))).toHaveLength(1);
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'sent', deliveryAttempts: 1 });
    });

    it('fails a message whose channel was removed, without calling the platform', async () => {
      const removed = await kit.telegramChannel(tenant);
      const { message, chatId } = await queuedReply(removed);
      await kit.execute(new DeleteChannelCommand(tenant.owner.context, removed.id));
      expect(await deliver(message.id, 1)).toBe('failed');
      expect(await kit.message(tenant.tenantId, message.id)).toMatchObject({ deliveryStatus: 'failed', deliveryError: 'The channel was removed', deliveryAttempts: 1 });
      expect(stub.requestsTo(sendsTo(chatId))).toEqual([]);
      expect(deliveryJobs(message.id)).toEqual([]);
    });
  });

  describe('DeliverMessageCommand, many at once', () => {
    const sentReply = (chatId: string, messageId: number) => ({ status: 200, body: { ok: true, result: { message_id: messageId, chat: { id: Number(chatId) }, date: 0, text: 'x' } } });
    /** Transaction ids that wrote the messages' current rows (PostgreSQL's xmin): rows ended together share one. */
    const writers = async (ids: string[]): Promise<number> => {
      const client = new Client({ connectionString: db.adminUrl });
      await client.connect();
      try {
        return (await client.query(`SELECT count(DISTINCT xmin::text)::int AS n FROM messages WHERE id = ANY($1)`, [ids])).rows[0].n;
      } finally {
        await client.end();
      }
    };

    it('ends the deliveries of one tenant that finish together in shared transactions, each with its own outcome', async () => {
      const replies = await Promise.all(Array.from({ length: 12 }, () => queuedReply()));
      replies.forEach(({ chatId }, index) =>
        stub.respond(sendsTo(chatId), index % 4 === 3 ? { status: 400, body: { ok: false, error_code: 400, description: `Bad Request: chat ${index} not found` } } : sentReply(chatId, 7000 + index)),
      );
      const outcomes = await Promise.all(replies.map(({ message }) => deliver(message.id, 1)));
      expect(outcomes).toEqual(replies.map((_reply, index) => (index % 4 === 3 ? 'failed' : 'sent')));
      for (const [index, { message, chatId }] of replies.entries()) {
        expect(await kit.message(tenant.tenantId, message.id)).toMatchObject(
          index % 4 === 3
            ? { deliveryStatus: 'failed', deliveryError: `400 Bad Request: chat ${index} not found`, platformMessageId: null, deliveryAttempts: 1 }
            : { deliveryStatus: 'sent', deliveryError: null, platformMessageId: `${chatId}:${7000 + index}`, deliveryAttempts: 1 },
        );
      }
      if (db.driver === 'postgres') expect(await writers(replies.map(({ message }) => message.id))).toBeLessThan(replies.length);
    });

    // A trigger refuses one row: PostgreSQL only.
    if (process.env.TEST_DB_DRIVER === 'postgres') {
      it('writes the others alone when a shared transaction fails, and fails only the delivery whose row was refused', async () => {
        const client = new Client({ connectionString: db.adminUrl });
        await client.connect();
        await client.query(`CREATE FUNCTION test_refuse_666() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
        await client.query(`CREATE TRIGGER test_refuse_666 BEFORE UPDATE ON messages FOR EACH ROW WHEN (NEW.platform_message_id LIKE '%:666') EXECUTE FUNCTION test_refuse_666()`);
        try {
          const replies = await Promise.all(Array.from({ length: 8 }, () => queuedReply()));
          replies.forEach(({ chatId }, index) => stub.respond(sendsTo(chatId), sentReply(chatId, index === 5 ? 666 : 8000 + index)));
          const outcomes = await Promise.allSettled(replies.map(({ message }) => deliver(message.id, 1)));
          expect(outcomes.map((outcome) => outcome.status)).toEqual(replies.map((_reply, index) => (index === 5 ? 'rejected' : 'fulfilled')));
          expect((outcomes[5] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
          for (const [index, { message, chatId }] of replies.entries()) {
            expect(await kit.message(tenant.tenantId, message.id)).toMatchObject(
              index === 5 ? { deliveryStatus: 'queued', platformMessageId: null, deliveryAttempts: 1 } : { deliveryStatus: 'sent', platformMessageId: `${chatId}:${8000 + index}` },
            );
          }
        } finally {
          await client.query(`DROP TRIGGER test_refuse_666 ON messages`);
          await client.query(`DROP FUNCTION test_refuse_666()`);
          await client.end();
        }
      });
    }
  });

  describe('SweepStuckDeliveriesCommand', () => {
    it('queues the next attempt of deliveries stuck longer than 2 minutes plus the send timeout, and not of fresh ones', async () => {
      const age = (id: string, patch: Partial<Pick<Message, 'deliveryUpdatedAt' | 'createdAt'>>) => kit.rows(tenant.tenantId, (tx) => tx.repository(Message).update({ id }, patch));
      const longAgo = new Date(Date.now() - 2 * MINUTE - TIMEOUT_MS - 5000);
      // A worker took attempt 1 and died before recording its result.
      const crashed = await queuedReply();
      stub.respond(sendsTo(crashed.chatId), { status: 503, body: { ok: false, description: 'Service Unavailable' } });
      expect(await deliver(crashed.message.id, 1)).toBe('retrying');
      await age(crashed.message.id, { deliveryUpdatedAt: longAgo });
      // A first job that was lost: never attempted, stored long ago.
      const lost = await queuedReply();
      await age(lost.message.id, { createdAt: longAgo, deliveryUpdatedAt: longAgo });
      // Quiet, but not for long enough.
      const recent = await queuedReply();
      await age(recent.message.id, { deliveryUpdatedAt: new Date(Date.now() - 2 * MINUTE + 10_000) });
      const fresh = await queuedReply();
      const seen = kit.queue.added.length;

      expect(await kit.execute(new SweepStuckDeliveriesCommand(new Date(), newId()))).toBeGreaterThanOrEqual(2);
      const swept = kit.queue.added.slice(seen);
      expect(swept.filter((job) => job.opts.jobId === `deliver.${crashed.message.id}.2`)).toEqual([
        { queue: QUEUES.CONVERSATIONS, name: JOBS.MESSAGE_DELIVERY, data: expect.objectContaining({ tenantId: tenant.tenantId, actor: { type: 'system', id: null }, payload: { messageId: crashed.message.id, attempt: 2 } }) as unknown, opts: { jobId: `deliver.${crashed.message.id}.2`, attempts: 1 } },
      ]);
      expect(swept.map((job) => job.opts.jobId)).toContain(`deliver.${lost.message.id}.1`);
      for (const quiet of [recent, fresh]) expect(swept.filter((job) => (job.data.payload as { messageId: string }).messageId === quiet.message.id)).toEqual([]);
      // Sent and failed messages are never swept, however old.
      const sent = await queuedReply();
      expect(await deliver(sent.message.id, 1)).toBe('sent');
      await age(sent.message.id, { deliveryUpdatedAt: longAgo, createdAt: longAgo });
      const again = kit.queue.added.length;
      await kit.execute(new SweepStuckDeliveriesCommand(new Date(), newId()));
      expect(kit.queue.added.slice(again).map((job) => (job.data.payload as { messageId: string }).messageId)).not.toContain(sent.message.id);
    });
  });

  describe('PurgeStaleConversationsCommand', () => {
    it("deletes the tenant's conversations idle past its retention days with their messages, and platform event ids older than 14 days except REG-01's", async () => {
      const owner = await kit.registerTenant();
      const other = await kit.registerTenant();
      await kit.execute(new UpdateTenantCommand(owner.owner.context, { retentionDays: 30 }));
      const telegram = await kit.telegramChannel(owner);
      const messenger = await kit.execute<ChannelView>(
        new CreateChannelCommand(owner.context, { type: 'messenger', name: 'Page', credentials: { appSecret: 'app-secret-0123456789', verifyToken: 'verify-0123', pageAccessToken: 'EAAG-page-token-0123456789' } }),
      );
      const now = Date.now();
      const ago = (days: number) => new Date(now - days * DAY);
      /** A customer's message taken in at a given time, as the webhook path stores it. */
      const takeIn = (who: TestTenant, channelId: string, type: 'telegram' | 'messenger', threadId: string, eventKey: string, at: Date) =>
        kit.rows(who.tenantId, (tx) =>
          ingestInbound(
            tx,
            kit.app.get(CommandBus),
            { id: channelId, type },
            [{ kind: 'message', eventKey, threadId, sender: { platformUserId: threadId }, platformMessageId: `${threadId}:${eventKey}`, contentType: 'text', text: 'Hello', attachments: [], sentAt: null }],
            at,
          ),
        );
      await takeIn(owner, telegram.id, 'telegram', '9001', 'tg:9001', ago(40));
      await takeIn(owner, telegram.id, 'telegram', '9001', 'tg:9002', ago(39));
      await takeIn(owner, telegram.id, 'telegram', '9002', 'tg:9003', ago(35));
      await takeIn(owner, messenger.id, 'messenger', '2481937465012345', 'reg01:fb_2481937465012345:0', ago(40));
      // Within retention, but its event id is past the 14 days.
      await takeIn(owner, telegram.id, 'telegram', '9003', 'tg:9004', ago(20));
      const fresh = await kit.receive(owner, telegram, kit.newChatId(), 'Still there?');
      const otherChannel = await kit.telegramChannel(other);
      await takeIn(other, otherChannel.id, 'telegram', '9001', 'tg:9001', ago(400));

      const conversations = (who: TestTenant) => kit.rows(who.tenantId, (tx) => tx.repository(Conversation).find({ order: { lastMessageAt: 'ASC' } }));
      const [staleImport, staleA, staleB, kept] = await conversations(owner);
      expect([staleImport, staleA, staleB, kept].map((conversation) => [conversation.threadId, conversation.messageCount])).toEqual([
        ['2481937465012345', 1],
        ['9001', 2],
        ['9002', 1],
        ['9003', 1],
      ]);
      expect(await conversations(owner)).toHaveLength(5);

      const counts = await kit.execute<PurgeCounts>(new PurgeStaleConversationsCommand(owner.context, new Date(now)));
      expect(counts).toEqual({ conversations: 3, messages: 4, inboundEvents: 4 });

      expect((await conversations(owner)).map((conversation) => conversation.id).sort()).toEqual([kept.id, fresh.conversationId].sort());
      const messages = await kit.rows(owner.tenantId, (tx) => tx.repository(Message).find());
      expect(messages.map((message) => message.conversationId).sort()).toEqual([kept.id, fresh.conversationId].sort());
      const events = await kit.rows(owner.tenantId, (tx) => tx.repository(InboundEvent).find());
      expect(events.map((event) => event.eventKey).sort()).toEqual(['reg01:fb_2481937465012345:0', expect.stringMatching(/^tg:\d+$/) as unknown]);
      // Another tenant's data is its own retention's business.
      expect(await conversations(other)).toHaveLength(1);
      expect(await kit.rows(other.tenantId, (tx) => tx.repository(InboundEvent).count())).toBe(1);

      const audit = await kit.query<AuditLogPage>(new ListAuditLogsQuery(owner.context, { action: 'conversations.retention_purged' }, 10));
      expect(audit.data).toEqual([
        expect.objectContaining({
          entityType: 'tenant',
          entityId: owner.tenantId,
          actor: { type: 'system', id: null },
          after: { conversations: 3, messages: 4, inboundEvents: 4, retentionDays: 30, cutoff: ago(30).toISOString() },
        }),
      ]);

      // A second run finds nothing more.
      expect(await kit.execute(new PurgeStaleConversationsCommand(owner.context, new Date(now)))).toEqual({ conversations: 0, messages: 0, inboundEvents: 0 });
      expect(await conversations(owner)).toHaveLength(2);
      // The channels stay.
      expect(await kit.rows(owner.tenantId, (tx) => tx.repository(Channel).count())).toBe(2);
    });
  });
});
