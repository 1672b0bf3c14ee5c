import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, UnitOfWork } from '@saler/platform';
import { AuditLogPage } from '../../libs/audit/src/queries/list-audit-logs/audit-log.view';
import { ListAuditLogsQuery } from '../../libs/audit/src/queries/list-audit-logs/list-audit-logs.query';
import { CreateFaqCommand } from '../../libs/knowledge/src/commands/create-faq/create-faq.command';
import { FaqView } from '../../libs/knowledge/src/commands/faq.view';
import { PutBotTextCommand } from '../../libs/knowledge/src/commands/put-bot-text/put-bot-text.command';
import { RecordFaqHitCommand } from '../../libs/knowledge/src/commands/record-faq-hit/record-faq-hit.command';
import { SuggestFaqCommand, SuggestFaqResult } from '../../libs/knowledge/src/commands/suggest-faq/suggest-faq.command';
import { BotSettingsView } from '../../libs/knowledge/src/commands/bot-settings.view';
import { UpdateBotSettingsCommand } from '../../libs/knowledge/src/commands/update-bot-settings/update-bot-settings.command';
import { DEFAULT_BOT_SETTINGS, DEFAULT_BOT_TEXTS } from '../../libs/knowledge/src/domain/bot-defaults';
import { BotProfile } from '../../libs/knowledge/src/domain/bot-profile';
import { BotSettings } from '../../libs/knowledge/src/domain/bot-settings.entity';
import { BOT_TEXT_KEYS, BotText } from '../../libs/knowledge/src/domain/bot-text.entity';
import { Faq } from '../../libs/knowledge/src/domain/faq.entity';
import { KnowledgeTenantProvisioner } from '../../libs/knowledge/src/knowledge-tenant-provisioner';
import { KnowledgeModule } from '../../libs/knowledge/src/knowledge.module';
import { GetBotProfileQuery } from '../../libs/knowledge/src/queries/get-bot-profile/get-bot-profile.query';
import { GetBotSettingsQuery } from '../../libs/knowledge/src/queries/get-bot-settings/get-bot-settings.query';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/**
 * What the bot pipeline asks the knowledge context for, at handler level on both drivers: the
 * seeded settings and texts, the bot profile (locale fallbacks, business hours), FAQ hits and
 * learned FAQ suggestions.
 */
describe(`bot knowledge (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  /** Provisioned at "registration"; `legacy` was registered before bot settings existed and has no rows. */
  const tenant = newId();
  const other = newId();
  const legacy = newId();

  const profile = (tenantId: string, locale: string | null, at = new Date()): Promise<BotProfile> => app.get(QueryBus).execute(new GetBotProfileQuery(contextOf(tenantId), locale, at));
  const execute = <T>(command: object): Promise<T> => app.get(CommandBus).execute(command as never);
  const auditOf = (tenantId: string, entityId: string): Promise<AuditLogPage> => app.get(QueryBus).execute(new ListAuditLogsQuery(contextOf(tenantId), { entityId }, 10));
  const rows = <T>(tenantId: string, read: (tx: Parameters<Parameters<UnitOfWork['run']>[1]>[0]) => Promise<T>) => app.get(UnitOfWork).run(contextOf(tenantId), read);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [KnowledgeModule] });
    for (const tenantId of [tenant, other]) await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => app.get(KnowledgeTenantProvisioner).provision(tx));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('seeds a new tenant with the default settings and texts in English and Russian', async () => {
    const settings = await rows(tenant, (tx) => tx.repository(BotSettings).find());
    expect(settings).toEqual([
      expect.objectContaining({
        matchThreshold: 0.3,
        timezone: 'UTC',
        businessHours: null,
        defaultLocale: 'en',
        handoffKeywords: { en: ['human', 'operator', 'agent', 'talk to a person', 'real person'], ru: ['оператор', 'человек', 'менеджер', 'живой человек'] },
        llm: null,
        llmApiKeySealed: null,
        version: 1,
      }),
    ]);
    const texts = await rows(tenant, (tx) => tx.repository(BotText).find());
    expect(texts.map((text) => `${text.locale}:${text.key}:${text.version}`).sort()).toEqual(
      ['en', 'ru'].flatMap((locale) => [...BOT_TEXT_KEYS].sort().map((key) => `${locale}:${key}:1`)),
    );
    expect(texts.find((text) => text.locale === 'ru' && text.key === 'greeting')?.text).toBe(DEFAULT_BOT_TEXTS.ru.greeting);
  });

  it('resolves the locale: as asked, else its language, else the default; texts fall back key by key', async () => {
    await execute(new PutBotTextCommand(contextOf(tenant), 'greeting', 'pt-BR', 'Olá! Como posso ajudar?'));
    await execute(new PutBotTextCommand(contextOf(tenant), 'fallback', 'en', 'Sorry, could you rephrase that?'));
    const brazilian = await profile(tenant, 'pt-br');
    expect(brazilian.locale).toBe('pt-BR');
    expect(brazilian.texts).toEqual({ ...DEFAULT_BOT_TEXTS.en, greeting: 'Olá! Como posso ajudar?', fallback: 'Sorry, could you rephrase that?' });
    const russian = await profile(tenant, 'ru-RU');
    expect(russian.locale).toBe('ru');
    expect(russian.texts).toEqual(DEFAULT_BOT_TEXTS.ru);
    expect(russian.handoffKeywords).toEqual(['оператор', 'человек', 'менеджер', 'живой человек', 'human', 'operator', 'agent', 'talk to a person', 'real person']);
    for (const locale of ['fr', null]) {
      const fallback = await profile(tenant, locale);
      expect(fallback.locale).toBe('en');
      expect(fallback.texts.fallback).toBe('Sorry, could you rephrase that?');
      expect(fallback.handoffKeywords).toEqual(['human', 'operator', 'agent', 'talk to a person', 'real person']);
    }
    // The other tenant's texts are its own.
    expect((await profile(other, 'pt-BR')).locale).toBe('en');
    expect((await profile(other, 'en')).texts.fallback).toBe(DEFAULT_BOT_TEXTS.en.fallback);
  });

  it('answers with the defaults for a tenant registered before bot settings existed', async () => {
    expect(await profile(legacy, 'ru')).toEqual({
      locale: 'ru',
      matchThreshold: 0.3,
      openNow: true,
      handoffKeywords: ['оператор', 'человек', 'менеджер', 'живой человек', 'human', 'operator', 'agent', 'talk to a person', 'real person'],
      priceKeywords: [...DEFAULT_BOT_SETTINGS.priceKeywords.ru, ...DEFAULT_BOT_SETTINGS.priceKeywords.en],
      texts: DEFAULT_BOT_TEXTS.ru,
      llmConfigured: false,
    });
    expect((await profile(legacy, 'de')).texts).toEqual(DEFAULT_BOT_TEXTS.en);
    const settings = (): Promise<BotSettingsView> => app.get(QueryBus).execute(new GetBotSettingsQuery(contextOf(legacy)));
    expect(await settings()).toMatchObject({ matchThreshold: 0.3, timezone: 'UTC', businessHours: null, defaultLocale: 'en', llm: null, version: 0, updatedAt: null });
    // Its first change saves the defaults with the change, as version 1.
    await execute(new UpdateBotSettingsCommand(contextOf(legacy), { defaultLocale: 'ru' }, 0));
    expect(await settings()).toMatchObject({ timezone: 'UTC', defaultLocale: 'ru', version: 1, updatedAt: expect.any(String) as string });
    expect((await profile(legacy, null)).locale).toBe('ru');
  });

  it('keeps price phrases per locale, trimmed, and checks the placeholders of a quote text', async () => {
    await execute(new UpdateBotSettingsCommand(contextOf(other), { priceKeywords: { en: ['  what does it cost '], th: ['ราคา'] } }));
    expect((await profile(other, 'en')).priceKeywords).toEqual(['what does it cost']);
    await execute(new PutBotTextCommand(contextOf(other), 'quote', 'en', 'Only {price} for {product} ({model})!'));
    expect((await profile(other, 'en')).texts.quote).toBe('Only {price} for {product} ({model})!');
    await expect(execute(new PutBotTextCommand(contextOf(other), 'quote', 'en', 'Total: {total}'))).rejects.toMatchObject({
      slug: 'validation',
      fieldErrors: [{ field: 'text', message: 'The quote text may use {product}, {model}, {price}; {total} is not one of them' }],
    });
    await expect(execute(new PutBotTextCommand(contextOf(other), 'greeting', 'en', 'Hi {name}!'))).rejects.toMatchObject({ slug: 'validation' });
    expect((await profile(other, 'en')).texts).toMatchObject({ quote: 'Only {price} for {product} ({model})!', greeting: DEFAULT_BOT_TEXTS.en.greeting });
  });

  it('evaluates business hours in the time zone at the instant asked about', async () => {
    await execute(new UpdateBotSettingsCommand(contextOf(tenant), { timezone: 'Europe/Berlin', businessHours: { mon: [['09:00', '18:00']] }, matchThreshold: 0.6 }));
    // Monday 6 January 2025, 07:30 UTC is 08:30 in Berlin (closed); Monday 7 July, 07:30 UTC is 09:30 (open).
    expect(await profile(tenant, 'en', new Date('2025-01-06T07:30:00Z'))).toMatchObject({ openNow: false, matchThreshold: 0.6 });
    expect((await profile(tenant, 'en', new Date('2025-07-07T07:30:00Z'))).openNow).toBe(true);
    expect((await profile(tenant, 'en', new Date('2025-07-08T07:30:00Z'))).openNow).toBe(false);
    expect((await profile(other, 'en', new Date('2025-01-06T07:30:00Z'))).openNow).toBe(true);
  });

  it('counts FAQ hits atomically and ignores an FAQ that is gone', async () => {
    const faq = (await execute<FaqView>(new CreateFaqCommand(contextOf(tenant), { question: 'Do you deliver on Sundays?', answer: 'No.' }))).id;
    await Promise.all(Array.from({ length: 5 }, () => execute(new RecordFaqHitCommand(contextOf(tenant), faq))));
    await execute(new RecordFaqHitCommand(contextOf(tenant), newId()));
    // Another tenant cannot count hits on it.
    await execute(new RecordFaqHitCommand(contextOf(other), faq));
    expect((await rows(tenant, (tx) => tx.repository(Faq).findOne({ id: faq })))?.hitCount).toBe(5);
    // Hits are not audited: they happen on every answered message.
    expect((await auditOf(tenant, faq)).data.map((entry) => entry.action)).toEqual(['faq.created']);
  });

  it('suggests a learned FAQ once per question, whatever the status of the one that exists', async () => {
    // The pipeline may dispatch on behalf of the agent whose answer is learned; the suggestion is still the system's.
    const agent = { type: 'user' as const, id: newId() };
    const suggest = (tenantId: string, question: string, answer = 'We deliver in two days.') =>
      execute<SuggestFaqResult>(new SuggestFaqCommand({ ...contextOf(tenantId), actor: agent }, { question, answer, locale: 'en' }));
    const first = await suggest(tenant, '  How fast is delivery to Lisbon?  ');
    expect(first).toEqual({ created: true, faqId: expect.any(String) as string });
    expect(await rows(tenant, (tx) => tx.repository(Faq).findOne({ id: first.faqId as string }))).toMatchObject({
      question: 'How fast is delivery to Lisbon?',
      answer: 'We deliver in two days.',
      status: 'suggested',
      learned: true,
      locale: 'en',
      hitCount: 0,
    });
    expect((await auditOf(tenant, first.faqId as string)).data).toEqual([
      expect.objectContaining({ action: 'faq.suggested', actor: { type: 'system', id: null }, after: expect.objectContaining({ status: 'suggested', question: 'How fast is delivery to Lisbon?' }) as unknown }),
    ]);
    expect(await suggest(tenant, 'how fast is DELIVERY to lisbon', 'Another answer')).toEqual({ created: false, faqId: first.faqId });
    const archived = await execute<FaqView>(new CreateFaqCommand(contextOf(tenant), { question: 'Can I pay in instalments?', answer: 'No.', status: 'archived' }));
    expect(await suggest(tenant, 'Can I pay in instalments')).toEqual({ created: false, faqId: archived.id });
    expect(await suggest(tenant, '?!')).toEqual({ created: false, faqId: null });
    // Another tenant's FAQ does not count.
    expect((await suggest(other, 'How fast is delivery to Lisbon?')).created).toBe(true);
  });
});
