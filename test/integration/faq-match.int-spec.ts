import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId } from '@saler/platform';
import { CreateFaqCommand } from '../../libs/knowledge/src/commands/create-faq/create-faq.command';
import { FaqView } from '../../libs/knowledge/src/commands/faq.view';
import { KnowledgeModule } from '../../libs/knowledge/src/knowledge.module';
import { FaqMatchResult } from '../../libs/knowledge/src/queries/match-faqs/faq-match.view';
import { MatchFaqsQuery } from '../../libs/knowledge/src/queries/match-faqs/match-faqs.query';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

/**
 * FAQ matching at handler level on both drivers: pg_trgm similarity() on PostgreSQL, the in-process
 * trigram similarity on SQLite. Both give the same FAQs with the same scores, active ones of the tenant only.
 */
describe(`FAQ matching (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const other = newId();
  const ids: Record<string, string> = {};

  const match = (q: string, locale?: string, tenantId = tenant): Promise<FaqMatchResult> => app.get(QueryBus).execute(new MatchFaqsQuery(contextOf(tenantId), q, locale, 5));
  const create = async (tenantId: string, question: string, extra: Record<string, unknown> = {}) =>
    (await app.get(CommandBus).execute(new CreateFaqCommand(contextOf(tenantId), { question, answer: 'An answer', ...extra }))) as FaqView;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [KnowledgeModule] });
    ids.delivery = (await create(tenant, 'What is the delivery time?', { locale: 'en' })).id;
    ids.payment = (await create(tenant, 'Which payment methods do you accept?', { locale: 'en' })).id;
    ids.dostavka = (await create(tenant, 'Сколько стоит доставка по городу?', { locale: 'ru' })).id;
    ids.suggested = (await create(tenant, 'What is the delivery time for furniture?', { status: 'suggested' })).id;
    ids.archived = (await create(tenant, 'What was the delivery time last year?', { status: 'archived' })).id;
    ids.others = (await create(other, 'What is the delivery time?')).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('finds misspelt questions in English and Russian with the same scores on both drivers', async () => {
    expect((await match('delivry time?')).data.map((hit) => [hit.faq.id, hit.score])).toEqual([[ids.delivery, 0.44]]);
    expect((await match('What is the delivery time?')).data[0]).toMatchObject({ faq: { id: ids.delivery }, score: 1 });
    expect((await match('paymnet metods')).data[0].faq.id).toBe(ids.payment);
    expect((await match('скока стоит доставка')).data[0].faq.id).toBe(ids.dostavka);
  });

  it('matches active FAQs of the tenant only, in the locale asked for', async () => {
    const found = (await match('delivery time')).data.map((hit) => hit.faq.id);
    expect(found).toContain(ids.delivery);
    for (const id of [ids.suggested, ids.archived, ids.others]) expect(found).not.toContain(id);
    expect((await match('delivery time', 'ru')).data.map((hit) => hit.faq.id)).not.toContain(ids.delivery);
    expect((await match('delivery time', 'en')).data[0].faq.id).toBe(ids.delivery);
    expect((await match('zzzqqq')).data).toEqual([]);
  });
});
