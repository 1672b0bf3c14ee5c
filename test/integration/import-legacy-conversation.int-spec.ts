import { INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChannelType, newId, OutboxMessage, ProblemException, SystemUnitOfWork, TenantTx, UnitOfWork } from '@saler/platform';
import { ImportLegacyConversationCommand, LegacyConversationInput, LegacyTurn } from '../../libs/conversations/src/commands/import-legacy-conversation/import-legacy-conversation.command';
import { ImportLegacyConversationHandler } from '../../libs/conversations/src/commands/import-legacy-conversation/import-legacy-conversation.handler';
import { ConversationsModule } from '../../libs/conversations/src/conversations.module';
import { Channel } from '../../libs/conversations/src/domain/channel.entity';
import { Conversation } from '../../libs/conversations/src/domain/conversation.entity';
import { Message } from '../../libs/conversations/src/domain/message.entity';
import { CrmTenantProvisioner } from '../../libs/crm/src/crm-tenant-provisioner';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { ContactIdentity } from '../../libs/crm/src/domain/contact-identity.entity';
import { Contact } from '../../libs/crm/src/domain/contact.entity';
import { Lead } from '../../libs/crm/src/domain/lead.entity';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/** The handler is registered by ConversationsModule's owner; registering it here too only overrides it with itself. */
@Module({ imports: [CrmModule, ConversationsModule], providers: [ImportLegacyConversationHandler] })
class LegacyImportTestModule {}

const HISTORY: LegacyTurn[] = [
  { role: 'user', text: 'Do you have seat covers for a Camry 2019?' },
  { role: 'model', text: 'Yes: leather or EVA.\nWhich one would you like?' },
  { role: 'user', text: 'Leather, black' },
  { role: 'model', text: 'That is 4,500 THB.' },
];

/**
 * The REG-01 history import at handler level on both drivers: turns become inbound contact and
 * outbound bot messages in order, the contact and lead are opened once, a re-run stores nothing
 * new, and nothing is published for the bot or the delivery worker.
 */
describe(`import of legacy REG-01 conversations (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const messenger = newId();
  const web = newId();

  const rows = <T>(read: (tx: TenantTx) => Promise<T>) => app.get(UnitOfWork).run(contextOf(tenant), read);
  const importHistory = (input: Partial<LegacyConversationInput> & Pick<LegacyConversationInput, 'sessionId'>) =>
    app.get(CommandBus).execute(new ImportLegacyConversationCommand(contextOf(tenant), { channelId: messenger, userName: null, userPicture: null, turns: HISTORY, ...input }));
  const messagesOf = (conversationId: string) => rows((tx) => tx.repository(Message).find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } }));
  const outboxTypes = () => app.get(SystemUnitOfWork).run(async (manager) => (await manager.getRepository(OutboxMessage).find({ where: { tenantId: tenant } })).map((event) => event.type));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [LegacyImportTestModule] });
    await rows(async (tx) => {
      await app.get(CrmTenantProvisioner).provision(tx);
      const now = new Date();
      const channel = (id: string, type: ChannelType) => ({ id, type, name: type, credentialsSealed: null, credentialHints: {}, settings: {}, publicKey: null, version: 1, createdAt: now, updatedAt: now, deletedAt: null });
      await tx.repository(Channel).insert([channel(messenger, 'messenger'), channel(web, 'web')]);
    });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stores the turns in order as contact and bot messages, opening the conversation, contact and lead', async () => {
    const result = await importHistory({ sessionId: 'fb_2481937465012345', userName: 'Anna', userPicture: 'https://cdn.example/anna.jpg' });
    expect(result).toEqual({ conversationId: expect.any(String) as string, created: true, messagesImported: 4 });

    const messages = await messagesOf(result.conversationId);
    expect(messages.map(({ direction, senderType, text, deliveryStatus, channelId }) => ({ direction, senderType, text, deliveryStatus, channelId }))).toEqual(
      HISTORY.map((turn) =>
        turn.role === 'user'
          ? { direction: 'inbound', senderType: 'contact', text: turn.text, deliveryStatus: null, channelId: messenger }
          : { direction: 'outbound', senderType: 'bot', text: turn.text, deliveryStatus: 'sent', channelId: messenger },
      ),
    );
    expect(new Set(messages.map((message) => message.createdAt.getTime())).size).toBe(4);
    expect(messages.map((message) => message.id)).toEqual(messages.map((message) => message.id).sort());

    const conversation = (await rows((tx) => tx.repository(Conversation).findOne({ id: result.conversationId }))) as Conversation;
    expect(conversation).toMatchObject({ channelId: messenger, threadId: '2481937465012345', contactName: 'Anna', status: 'open', botEnabled: true, messageCount: 4 });
    expect(conversation.lastMessageAt).toEqual(messages[3].createdAt);
    expect(conversation.lastInboundAt).toEqual(messages[2].createdAt);
    expect(messages.filter((message) => message.direction === 'inbound').map((message) => message.senderId)).toEqual([conversation.contactId, conversation.contactId]);

    const identity = await rows((tx) => tx.repository(ContactIdentity).find());
    expect(identity).toEqual([expect.objectContaining({ contactId: conversation.contactId, channel: 'messenger', platformUserId: '2481937465012345' })]);
    expect(await rows((tx) => tx.repository(Contact).findOne({ id: conversation.contactId }))).toMatchObject({ name: 'Anna' });
    expect(await rows((tx) => tx.repository(Lead).find())).toEqual([expect.objectContaining({ id: conversation.leadId, contactId: conversation.contactId, source: 'messenger' })]);
    expect((await outboxTypes()).sort()).toEqual(['contact.created', 'lead.created']);
  });

  it('stores nothing on a second run, and only the turns added since on a longer history, after the others', async () => {
    const sessionId = 'fb_1000000000000002';
    const first = await importHistory({ sessionId });
    const outboxBefore = await outboxTypes();
    expect(await importHistory({ sessionId })).toEqual({ conversationId: first.conversationId, created: false, messagesImported: 0 });
    expect(await messagesOf(first.conversationId)).toHaveLength(4);

    const longer = [...HISTORY, { role: 'user' as const, text: 'Can you deliver tomorrow?' }, { role: 'model' as const, text: 'Yes, before noon.' }];
    expect(await importHistory({ sessionId, turns: longer })).toEqual({ conversationId: first.conversationId, created: false, messagesImported: 2 });
    const messages = await messagesOf(first.conversationId);
    expect(messages.map((message) => message.text)).toEqual(longer.map((turn) => turn.text));
    const conversation = (await rows((tx) => tx.repository(Conversation).findOne({ id: first.conversationId }))) as Conversation;
    expect(conversation).toMatchObject({ messageCount: 6, lastMessageAt: messages[5].createdAt, lastInboundAt: messages[4].createdAt });

    expect(await rows((tx) => tx.repository(ContactIdentity).count({ platformUserId: '1000000000000002' }))).toBe(1);
    expect(await rows((tx) => tx.repository(Lead).count({ contactId: conversation.contactId }))).toBe(1);
    expect(await outboxTypes()).toEqual(outboxBefore);
  });

  it('opens a web visitor on a web channel', async () => {
    const result = await importHistory({ channelId: web, sessionId: 'web_v8f3k2m9q1x7c4d6', turns: HISTORY.slice(0, 1) });
    expect(result).toMatchObject({ created: true, messagesImported: 1 });
    expect(await rows((tx) => tx.repository(Conversation).findOne({ id: result.conversationId }))).toMatchObject({ channelId: web, threadId: 'v8f3k2m9q1x7c4d6', contactName: null, messageCount: 1 });
  });

  it('refuses a session of another platform than the channel, or of no known platform, storing nothing', async () => {
    const before = await rows((tx) => Promise.all([tx.repository(Conversation).count(), tx.repository(Message).count(), tx.repository(Contact).count()]));
    await expect(importHistory({ sessionId: 'web_v0000000000000001' })).rejects.toThrow(
      new ProblemException(422, 'channel-mismatch', 'Session web_v0000000000000001 is a web conversation; the channel is a messenger channel'),
    );
    await expect(importHistory({ channelId: web, sessionId: 'line_U4af4980629e1b0e7c6a5d4e3f2a1b0c9' })).rejects.toThrow('is a line conversation; the channel is a web channel');
    await expect(importHistory({ sessionId: 'ig_123' })).rejects.toThrow('Session id "ig_123" does not start with fb_, web_, line_, tg_, wa_');
    await expect(importHistory({ channelId: newId(), sessionId: 'fb_1000000000000003' })).rejects.toThrow('No such channel in this tenant');
    expect(await rows((tx) => Promise.all([tx.repository(Conversation).count(), tx.repository(Message).count(), tx.repository(Contact).count()]))).toEqual(before);
  });
});
