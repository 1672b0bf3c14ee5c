import { newId } from '@saler/platform';
import { AuditLogPage } from '../../libs/audit/src/queries/list-audit-logs/audit-log.view';
import { ListAuditLogsQuery } from '../../libs/audit/src/queries/list-audit-logs/list-audit-logs.query';
import { DeleteChannelCommand } from '../../libs/conversations/src/commands/delete-channel/delete-channel.command';
import { IngestCounts } from '../../libs/conversations/src/commands/ingest-inbound';
import { ReceiveWebhookCommand } from '../../libs/conversations/src/commands/receive-webhook/receive-webhook.command';
import { UpdateChannelCommand } from '../../libs/conversations/src/commands/update-channel/update-channel.command';
import { UpdateConversationCommand } from '../../libs/conversations/src/commands/update-conversation/update-conversation.command';
import { Conversation } from '../../libs/conversations/src/domain/conversation.entity';
import { Message } from '../../libs/conversations/src/domain/message.entity';
import { Activity } from '../../libs/crm/src/domain/activity.entity';
import { ContactIdentity } from '../../libs/crm/src/domain/contact-identity.entity';
import { Contact } from '../../libs/crm/src/domain/contact.entity';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { ConversationsKit, TelegramChannel, TestTenant } from '../support/conversations-kit';
import { PlatformStub } from '../support/platform-stub';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/**
 * The webhook's request path at handler level, on both drivers: concurrent deliveries of a channel
 * stored together (each counted once, per request), and the per-process channel cache never letting
 * a rotated secret or a removed channel through.
 */
describe(`conversations: webhook receipt (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let stub: PlatformStub;
  let kit: ConversationsKit;
  let tenant: TestTenant;
  let channel: TelegramChannel;
  let updateId = 900_000;

  beforeAll(async () => {
    stub = await PlatformStub.start();
    db = await createTestDatabase();
    kit = await ConversationsKit.start(db, stub);
    tenant = await kit.registerTenant();
    channel = await kit.telegramChannel(tenant);
  });

  afterAll(async () => {
    await kit?.close();
    await stub?.close();
    await db?.drop();
  });

  /** A Telegram text update as the platform posts it (a given update id replays one; `from` another user than the chat's, in a group), in a request context of its own. */
  const webhook = (chatId: string, options: { secret?: string; on?: TelegramChannel; updateId?: number; from?: string } = {}) => {
    const on = options.on ?? channel;
    const id = options.updateId ?? ++updateId;
    const chat = { id: Number(chatId), type: options.from === undefined ? 'private' : 'group' };
    const body = { update_id: id, message: { message_id: id, date: Math.floor(Date.now() / 1000), chat, from: { id: Number(options.from ?? chatId), first_name: 'Anna' }, text: `hello ${id}` } };
    const context = { ...tenant.context, requestId: newId() };
    const request = { rawBody: Buffer.from(JSON.stringify(body)), body, headers: { 'x-telegram-bot-api-secret-token': options.secret ?? on.secretToken } };
    return { id, context, send: () => kit.execute<IngestCounts>(new ReceiveWebhookCommand(context, on.id, 'telegram', request)) };
  };
  const conversationOf = (chatId: string, on: TelegramChannel = channel) => kit.rows(tenant.tenantId, (tx) => tx.repository(Conversation).find({ where: { channelId: on.id, threadId: chatId } }));
  const inboundOf = (conversationId: string) => kit.rows(tenant.tenantId, (tx) => tx.repository(Message).find({ where: { conversationId, direction: 'inbound' }, order: { createdAt: 'ASC', id: 'ASC' } }));

  it('stores concurrent deliveries together: each message once, a replay as a duplicate, a new customer opened and greeted once, each event in its own request context', async () => {
    const known = kit.newChatId();
    const first = await kit.receive(tenant, channel, known, 'Hi');
    const newcomer = kit.newChatId();
    const requests = [webhook(known), webhook(known), webhook(newcomer), webhook(newcomer)];
    // The first request goes alone, the others together: one replays it, one replays a request of its own batch.
    const replays = [webhook(known, { updateId: requests[0].id }), webhook(known, { updateId: requests[1].id })];
    const counts = await Promise.all([...requests, ...replays].map((request) => request.send()));

    expect(counts.reduce((sum, { stored, duplicates }) => ({ stored: sum.stored + stored, duplicates: sum.duplicates + duplicates }), { stored: 0, duplicates: 0 })).toEqual({ stored: 4, duplicates: 2 });
    expect(counts.every((count) => count.stored + count.duplicates === 1 && count.ignored === 0 && count.statuses === 0)).toBe(true);
    const [knownConversation] = await conversationOf(known);
    expect(knownConversation).toMatchObject({ id: first.conversationId, messageCount: 3, status: 'open' });
    expect((await inboundOf(first.conversationId)).map((message) => message.text)).toEqual(['Hi', `hello ${requests[0].id}`, `hello ${requests[1].id}`]);
    const opened = await conversationOf(newcomer);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ messageCount: 2, contactName: 'Anna' });
    const newcomerMessages = await inboundOf(opened[0].id);
    expect(newcomerMessages.map((message) => message.senderId)).toEqual([opened[0].contactId, opened[0].contactId]);
    const events = (await kit.outbox(tenant.tenantId, 'conversation.message_received')).filter((event) => event.payload.conversationId === opened[0].id);
    expect(events.map((event) => event.payload.newConversation)).toEqual([true, false]);
    expect(events.map((event) => event.requestId).sort()).toEqual([requests[2].context.requestId, requests[3].context.requestId].sort());
  });

  it("stores a channel's concurrent requests in lanes by conversation: each conversation's messages once, in the order received", async () => {
    const chats = [kit.newChatId(), kit.newChatId(), kit.newChatId(), kit.newChatId()];
    for (const chatId of chats) await kit.receive(tenant, channel, chatId, 'Hi');
    const requests = [0, 1, 2, 3].flatMap(() => chats.map((chatId) => ({ chatId, request: webhook(chatId) })));
    const counts = await Promise.all(requests.map(({ request }) => request.send()));

    expect(counts.map((count) => count.stored)).toEqual(requests.map(() => 1));
    for (const chatId of chats) {
      const [conversation] = await conversationOf(chatId);
      expect(conversation.messageCount).toBe(5);
      const sent = requests.filter((request) => request.chatId === chatId).map(({ request }) => `hello ${request.id}`);
      expect((await inboundOf(conversation.id)).map((message) => message.text)).toEqual(['Hi', ...sent]);
    }
  });

  it("opens a batch's new customers together: each a contact with its identity, a lead with its first activity and a conversation; a known identity keeps its contact", async () => {
    const known = kit.newChatId();
    const first = await kit.receive(tenant, channel, known, 'Hi');
    const newcomers = [kit.newChatId(), kit.newChatId(), kit.newChatId()];
    const group = `-${kit.newChatId()}`;
    const requests = [webhook(kit.newChatId()), ...newcomers.map((chatId) => webhook(chatId)), webhook(group, { from: known })];
    const counts = await Promise.all(requests.map((request) => request.send()));
    expect(counts.map((count) => count.stored)).toEqual([1, 1, 1, 1, 1]);

    const rows = <T>(read: Parameters<typeof kit.rows<T>>[1]) => kit.rows(tenant.tenantId, read);
    const leadCreated = await kit.outbox(tenant.tenantId, 'lead.created');
    for (const chatId of [...newcomers, group]) {
      const [conversation] = await conversationOf(chatId);
      expect(conversation).toMatchObject({ messageCount: 1, status: 'open', botEnabled: true, contactName: 'Anna' });
      const lead = await rows((tx) => tx.repository(Lead).findOne({ id: conversation.leadId as string }));
      expect(lead).toMatchObject({ contactId: conversation.contactId, title: 'Telegram: Anna', source: 'telegram', status: 'open', score: 0 });
      const activities = await rows((tx) => tx.repository(Activity).find({ where: { leadId: lead?.id } }));
      expect(activities.map((activity) => [activity.type, activity.contactId])).toEqual([['lead_created', conversation.contactId]]);
      expect(leadCreated.filter((event) => event.payload.leadId === lead?.id)).toHaveLength(1);
      expect((await inboundOf(conversation.id)).map((message) => message.senderId)).toEqual([conversation.contactId]);
    }
    for (const chatId of newcomers) {
      const [conversation] = await conversationOf(chatId);
      expect(await rows((tx) => tx.repository(Contact).findOne({ id: conversation.contactId }))).toMatchObject({ name: 'Anna', phone: null, mergedIntoId: null });
      expect((await rows((tx) => tx.repository(ContactIdentity).find({ where: { contactId: conversation.contactId } }))).map((identity) => [identity.channel, identity.platformUserId])).toEqual([['telegram', chatId]]);
    }
    // The known customer writing in a group: a new conversation and lead, the same contact.
    const [knownConversation] = await conversationOf(known);
    expect(knownConversation.id).toBe(first.conversationId);
    const [inGroup] = await conversationOf(group);
    expect(inGroup.contactId).toBe(knownConversation.contactId);
    expect(inGroup.leadId).not.toBe(knownConversation.leadId);
    expect(await rows((tx) => tx.repository(ContactIdentity).count({ channel: 'telegram', platformUserId: known }))).toBe(1);
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const chatId = kit.newChatId();
    const { conversationId } = await kit.receive(tenant, channel, chatId, 'Hi');
    await kit.execute(new UpdateConversationCommand(tenant.owner.context, tenant.owner.caller, conversationId, { status: 'resolved' }, undefined));
    expect(await webhook(chatId).send()).toMatchObject({ stored: 1 });
    expect(await kit.conversation(tenant.tenantId, conversationId)).toMatchObject({ status: 'open', messageCount: 2 });
  });

  it('refuses the old secret at once after a rotation, though the channel was cached, storing nothing and auditing it; the new secret works at once', async () => {
    const rotating = await kit.telegramChannel(tenant);
    const chatId = kit.newChatId();
    expect(await webhook(chatId, { on: rotating }).send()).toMatchObject({ stored: 1 });
    const secretToken = `rotated-${newId()}`;
    await kit.execute(new UpdateChannelCommand(tenant.owner.context, rotating.id, { credentials: { secretToken } }, undefined));

    await expect(webhook(chatId, { on: rotating }).send()).rejects.toThrow(/valid telegram signature/);
    const [conversation] = await conversationOf(chatId, rotating);
    expect(conversation.messageCount).toBe(1);
    const audit = await kit.query<AuditLogPage>(new ListAuditLogsQuery(tenant.owner.context, { action: 'security.webhook_signature_rejected' }, 10));
    expect(audit.data.filter((entry) => entry.entityId === rotating.id)).toHaveLength(1);
    expect(await webhook(chatId, { on: rotating, secret: secretToken }).send()).toMatchObject({ stored: 1 });
  });

  it('audits a flood of forged requests to a cached channel once, refusing each, and still takes the genuine ones', async () => {
    const flooded = await kit.telegramChannel(tenant);
    const chatId = kit.newChatId();
    expect(await webhook(chatId, { on: flooded }).send()).toMatchObject({ stored: 1 });
    const forged = await Promise.allSettled(Array.from({ length: 25 }, () => webhook(chatId, { on: flooded, secret: 'guessed' }).send()));
    expect(forged.map((result) => (result.status === 'rejected' ? (result.reason as { slug?: string }).slug : 'stored'))).toEqual(Array.from({ length: 25 }, () => 'invalid-signature'));
    const audit = await kit.query<AuditLogPage>(new ListAuditLogsQuery(tenant.owner.context, { action: 'security.webhook_signature_rejected' }, 100));
    expect(audit.data.filter((entry) => entry.entityId === flooded.id).map((entry) => entry.after)).toEqual([{ platform: 'telegram', notAuditedSinceLastEntry: 0 }]);
    expect(await webhook(chatId, { on: flooded }).send()).toMatchObject({ stored: 1 });
    expect((await conversationOf(chatId, flooded))[0].messageCount).toBe(2);
  });

  it('answers 404 for a channel removed after it was cached, storing nothing', async () => {
    const removed = await kit.telegramChannel(tenant);
    const chatId = kit.newChatId();
    expect(await webhook(chatId, { on: removed }).send()).toMatchObject({ stored: 1 });
    await kit.execute(new DeleteChannelCommand(tenant.owner.context, removed.id));

    await expect(webhook(chatId, { on: removed }).send()).rejects.toThrow(/No such channel/);
    expect((await conversationOf(chatId, removed))[0].messageCount).toBe(1);
  });
});
