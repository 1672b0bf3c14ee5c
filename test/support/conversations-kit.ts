import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { AuditModule } from '@saler/audit';
import { Caller, JobEnvelope, JobOptions, newId, OutboxMessage, PlatformModule, QUEUE_DRIVER, QueueName, SystemUnitOfWork, TenantContext, TenantTx, UnitOfWork } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { ChannelView } from '../../libs/conversations/src/commands/channel.view';
import { CreateChannelCommand } from '../../libs/conversations/src/commands/create-channel/create-channel.command';
import { ReceiveWebhookCommand } from '../../libs/conversations/src/commands/receive-webhook/receive-webhook.command';
import { ConversationsModule } from '../../libs/conversations/src/conversations.module';
import { Conversation } from '../../libs/conversations/src/domain/conversation.entity';
import { Message } from '../../libs/conversations/src/domain/message.entity';
import { CrmModule } from '../../libs/crm/src/crm.module';
import { RegisterCommand } from '../../libs/identity/src/commands/register/register.command';
import { SessionResponse } from '../../libs/identity/src/commands/session.response';
import { IdentityModule } from '../../libs/identity/src/identity.module';
import { KnowledgeModule } from '../../libs/knowledge/src/knowledge.module';
import { InlineQueueDriver } from '../../libs/platform/src/queue/inline-queue.driver';
import { chatPlatformEnv } from './chat-platforms';
import { PlatformStub } from './platform-stub';
import { uniqueName } from './services';
import { TestDatabase } from './test-database';

export interface AddedJob {
  queue: QueueName;
  name: string;
  data: JobEnvelope;
  opts: JobOptions;
}

/** The inline queue (dedupe, delays: the real driver), remembering every job it was asked to add, with its options. */
export class RecordingQueueDriver extends InlineQueueDriver {
  readonly added: AddedJob[] = [];

  override async add(queue: QueueName, name: string, data: JobEnvelope, opts: JobOptions = {}): Promise<void> {
    this.added.push({ queue, name, data, opts });
    await super.add(queue, name, data, opts);
  }

  byId(jobId: string): AddedJob[] {
    return this.added.filter((job) => job.opts.jobId === jobId);
  }
}

export interface TestTenant {
  tenantId: string;
  userId: string;
  /** The system's context (what the worker's jobs carry). */
  context: TenantContext;
  /** The owner, as an agent replying in a conversation. */
  owner: { context: TenantContext; caller: Caller };
}

export interface TelegramChannel {
  id: string;
  botToken: string;
  secretToken: string;
}

export interface Received {
  message: Message;
  conversationId: string;
  newConversation: boolean;
  chatId: string;
}

let sequence = 0;
const next = (): number => ++sequence;

/**
 * The conversations context with everything it asks through the buses (identity, CRM, catalogue,
 * knowledge), in-process on a test database, its chat platforms and LLM on a PlatformStub. Nothing
 * consumes the queues: the background work is driven by the commands the worker would run.
 */
export class ConversationsKit {
  private constructor(
    readonly app: INestApplicationContext,
    readonly queue: RecordingQueueDriver,
  ) {}

  static async start(db: TestDatabase, stub: PlatformStub, env: Record<string, string> = {}): Promise<ConversationsKit> {
    const config = db.config({ QUEUE_PREFIX: uniqueName('t'), ...chatPlatformEnv(stub), ...env });
    const queue = new RecordingQueueDriver();
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ config, schema: db.schema, consumeQueues: false }), AuditModule, IdentityModule, CrmModule, CatalogModule, KnowledgeModule, ConversationsModule],
    })
      .overrideProvider(QUEUE_DRIVER)
      .useValue(queue)
      .compile();
    moduleRef.useLogger(false);
    return new ConversationsKit(await moduleRef.init(), queue);
  }

  execute<T>(command: object): Promise<T> {
    return this.app.get(CommandBus).execute(command as never);
  }

  query<T>(query: object): Promise<T> {
    return this.app.get(QueryBus).execute(query as never);
  }

  rows<T>(tenantId: string, read: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.app.get(UnitOfWork).run({ tenantId, actor: { type: 'system', id: null }, requestId: newId() }, read);
  }

  /** A tenant registered as a person would: its owner, and every context's defaults (pipeline, bot settings and texts, body types). */
  async registerTenant(): Promise<TestTenant> {
    const n = next();
    const slug = `conv-${n}-${randomBytes(4).toString('hex')}`;
    const session = await this.execute<SessionResponse>(new RegisterCommand(newId(), `Shop ${n}`, slug, `${slug}@example.com`, 'Seat-covers-4-every-car', `Owner ${n}`));
    if (session.tenant === null) throw new Error('Registration returned no tenant');
    const tenantId = session.tenant.id;
    return {
      tenantId,
      userId: session.user.id,
      context: { tenantId, actor: { type: 'system', id: null }, requestId: newId() },
      owner: { context: { tenantId, actor: { type: 'user', id: session.user.id }, requestId: newId() }, caller: { role: 'owner', userId: session.user.id } },
    };
  }

  async telegramChannel(tenant: TestTenant): Promise<TelegramChannel> {
    const botToken = `${700000 + next()}:AAH${randomBytes(16).toString('hex')}`;
    const secretToken = `secret-${randomBytes(8).toString('hex')}`;
    const channel = await this.execute<ChannelView>(new CreateChannelCommand(tenant.context, { type: 'telegram', name: 'Shop bot', credentials: { botToken, secretToken } }));
    return { id: channel.id, botToken, secretToken };
  }

  /** A new Telegram chat id, unique in this run. */
  newChatId(): string {
    return String(5_000_000 + next());
  }

  /** A customer's text arriving through the Telegram webhook, as the platform sends it; with the MessageReceived the worker would act on. */
  async receive(tenant: TestTenant, channel: TelegramChannel, chatId: string, text: string, from: { languageCode?: string } = {}): Promise<Received> {
    const messageId = next();
    const body = {
      update_id: 100_000 + next(),
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(chatId), type: 'private', first_name: 'Anna' },
        from: { id: Number(chatId), is_bot: false, first_name: 'Anna', ...(from.languageCode === undefined ? {} : { language_code: from.languageCode }) },
        text,
      },
    };
    const request = { rawBody: Buffer.from(JSON.stringify(body)), body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': channel.secretToken } };
    const counts = await this.execute<{ stored: number }>(new ReceiveWebhookCommand(tenant.context, channel.id, 'telegram', request));
    if (counts.stored !== 1) throw new Error(`The webhook stored ${counts.stored} messages`);
    const message = (await this.rows(tenant.tenantId, (tx) => tx.repository(Message).findOne({ channelId: channel.id, platformMessageId: `${chatId}:${messageId}` }))) as Message;
    const [event] = (await this.outbox(tenant.tenantId, 'conversation.message_received')).filter((row) => row.payload.messageId === message.id);
    return { message, conversationId: message.conversationId, newConversation: event.payload.newConversation as boolean, chatId };
  }

  outbox(tenantId: string, type: string): Promise<OutboxMessage[]> {
    return this.app.get(SystemUnitOfWork).run((manager) => manager.getRepository(OutboxMessage).find({ where: { tenantId, type }, order: { id: 'ASC' } }));
  }

  /** The bot's and agents' replies to a customer's message, oldest first. */
  repliesTo(tenantId: string, messageId: string): Promise<Message[]> {
    return this.rows(tenantId, (tx) => tx.repository(Message).find({ where: { replyToId: messageId }, order: { createdAt: 'ASC', id: 'ASC' } }));
  }

  message(tenantId: string, id: string): Promise<Message> {
    return this.rows(tenantId, async (tx) => (await tx.repository(Message).findOne({ id })) as Message);
  }

  conversation(tenantId: string, id: string): Promise<Conversation | null> {
    return this.rows(tenantId, (tx) => tx.repository(Conversation).findOne({ id }));
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** `step:outcome` of each recorded bot step. */
export const stepsOf = (message: Pick<Message, 'botSteps'>): string[] => (message.botSteps ?? []).map((step) => `${step.step}:${step.outcome}`);
