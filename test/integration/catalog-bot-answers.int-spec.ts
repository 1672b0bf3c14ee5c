import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, UnitOfWork } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { CatalogTenantProvisioner } from '../../libs/catalog/src/catalog-tenant-provisioner';
import { AddBasePriceCommand } from '../../libs/catalog/src/commands/add-base-price/add-base-price.command';
import { AddModelPriceCommand } from '../../libs/catalog/src/commands/add-model-price/add-model-price.command';
import { CreateBrandCommand } from '../../libs/catalog/src/commands/create-brand/create-brand.command';
import { CreateCategoryCommand } from '../../libs/catalog/src/commands/create-category/create-category.command';
import { CreateModelCommand } from '../../libs/catalog/src/commands/create-model/create-model.command';
import { CreateModelRequest } from '../../libs/catalog/src/commands/create-model/create-model.request';
import { SetAvailabilityCommand } from '../../libs/catalog/src/commands/set-availability/set-availability.command';
import { BodyType } from '../../libs/catalog/src/domain/body-type.entity';
import { AnswerWithQuoteQuery, QuoteAnswer } from '../../libs/catalog/src/queries/answer-with-quote/answer-with-quote.query';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const NBSP = '\u00a0';

/**
 * The bot's quote step on both drivers (pg_trgm on PostgreSQL, the in-process trigrams on SQLite):
 * a customer's message, in English or Russian and misspelt, answered with a price, a question, or
 * nothing when it names no category.
 */
describe(`catalogue answers for the bot (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const context = () => contextOf(tenant);
  const at = new Date('2026-06-01T00:00:00Z');
  const ids: Record<string, string> = {};

  const run = <T>(command: object): Promise<T> => app.get(CommandBus).execute(command as never);
  const ask = (text: string, locale = 'en'): Promise<QuoteAnswer | null> => app.get(QueryBus).execute(new AnswerWithQuoteQuery(context(), text, locale, at));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CatalogModule] });
    await app.get(UnitOfWork).run(context(), (tx) => app.get(CatalogTenantProvisioner).provision(tx));
    const bodyType = async (nameKey: string) => ((await app.get(UnitOfWork).run(context(), (tx) => tx.repository(BodyType).findOne({ nameKey }))) as BodyType).id;
    const [sedan, suv] = [await bodyType('sedan'), await bodyType('suv')];
    const brandId = (await run<{ id: string }>(new CreateBrandCommand(context(), { name: 'Toyota', aliases: ['Тойота'] }))).id;
    const model = async (input: Omit<CreateModelRequest, 'brandId'>) => (await run<{ id: string }>(new CreateModelCommand(context(), { brandId, ...input }))).id;
    ids.camry = await model({ name: 'Camry', bodyTypeId: sedan, yearFrom: 2018, yearTo: 2024 });
    ids.corolla = await model({ name: 'Corolla', bodyTypeId: sedan });
    // Two generations that both answer to "RAV4": only a year tells them apart.
    ids.rav4xa40 = await model({ name: 'RAV4 XA40', aliases: ['RAV4'], bodyTypeId: suv, yearFrom: 2013, yearTo: 2018 });
    ids.rav4xa50 = await model({ name: 'RAV4 XA50', aliases: ['RAV4'], bodyTypeId: suv, yearFrom: 2019 });
    const category = async (name: string, active = true) => (await run<{ id: string }>(new CreateCategoryCommand(context(), { name, active }))).id;
    ids.covers = await category('Seat covers');
    ids.russianCovers = await category('Чехлы');
    ids.mats = await category('EVA mats');
    await category('Roof boxes', false);
    const validFrom = '2026-01-01';
    await run(new AddBasePriceCommand(context(), { categoryId: ids.covers, bodyTypeId: sedan, amountMinor: 400000, currency: 'THB', validFrom }));
    await run(new AddBasePriceCommand(context(), { categoryId: ids.covers, bodyTypeId: suv, amountMinor: 520050, currency: 'THB', validFrom }));
    await run(new AddModelPriceCommand(context(), { modelId: ids.camry, categoryId: ids.covers, amountMinor: 450000, currency: 'THB', validFrom }));
    await run(new AddBasePriceCommand(context(), { categoryId: ids.russianCovers, bodyTypeId: sedan, amountMinor: 1250000, currency: 'RUB', validFrom }));
    await run(new SetAvailabilityCommand(context(), { modelId: ids.corolla, categoryId: ids.covers, available: false, note: 'back in July' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('quotes the one model the message names, through the quote calculation', async () => {
    expect(await ask('How much are seat covers for a Toyota Camry 2019?')).toMatchObject({
      text: 'Seat covers for Toyota Camry (2018–2024): 4,500.00 THB.',
      categoryId: ids.covers,
      modelId: ids.camry,
      quote: { match: 'search', available: true, totalMinor: 450000, currency: 'THB', lines: [{ kind: 'model', amountMinor: 450000 }] },
    });
  });

  it('recognises a misspelt model, and a year that picks one generation', async () => {
    expect(await ask('seat covers camri 2019')).toMatchObject({ text: 'Seat covers for Toyota Camry (2018–2024): 4,500.00 THB.', modelId: ids.camry });
    expect(await ask('price of seat covers for my rav 4 2020')).toMatchObject({ text: 'Seat covers for Toyota RAV4 XA50 (2019–): 5,200.50 THB.', modelId: ids.rav4xa50 });
  });

  it('reads Cyrillic and answers in Russian', async () => {
    expect(await ask('сколько стоят чехлы на камри', 'ru-RU')).toMatchObject({
      text: `Чехлы для Toyota Camry (2018–2024): 12${NBSP}500,00 RUB.`,
      categoryId: ids.russianCovers,
      modelId: ids.camry,
      quote: { totalMinor: 1250000, currency: 'RUB' },
    });
  });

  it('asks which model when the best matches are too close, naming them', async () => {
    const answer = await ask('seat covers for rav4');
    expect(answer).toMatchObject({ categoryId: ids.covers, modelId: null, quote: null });
    expect(answer?.text).toMatch(/^Which one do you mean: Toyota RAV4 XA(40|50) \(.+\), Toyota RAV4 XA(40|50) \(.+\)\?$/);
    expect(answer?.text).toContain('Toyota RAV4 XA40 (2013–2018)');
    expect(answer?.text).toContain('Toyota RAV4 XA50 (2019–)');
  });

  it('asks for the car when no model is recognised', async () => {
    expect(await ask('How much are seat covers?')).toEqual({ text: 'Which car is it for? Tell me the make and model.', quote: null, categoryId: ids.covers, modelId: null });
    expect(await ask('чехлы на самолёт', 'ru')).toEqual({ text: 'Для какой машины? Напишите марку и модель.', quote: null, categoryId: ids.russianCovers, modelId: null });
  });

  it('says so when the model is not available, with the availability note', async () => {
    expect(await ask('seat covers for corolla')).toMatchObject({
      text: 'Seat covers for Toyota Corolla: not available at the moment (back in July).',
      modelId: ids.corolla,
      quote: { available: false, totalMinor: null, note: 'back in July' },
    });
  });

  it('leaves the price to a manager when the price list has none', async () => {
    expect(await ask('eva mats for camry 2019')).toEqual({ text: 'EVA mats for this car: a manager will tell you the price shortly.', quote: null, categoryId: ids.mats, modelId: null });
  });

  it('is null when the message names no active category', async () => {
    expect(await ask('How much is a Camry 2019?')).toBeNull();
    expect(await ask('Do you deliver to Chiang Mai?')).toBeNull();
    expect(await ask('roof boxes for camry')).toBeNull();
  });

  it('answers inside the caller’s unit of work, as the bot asks', async () => {
    const answer = await app.get(UnitOfWork).run(context(), (tx) => app.get(QueryBus).execute(new AnswerWithQuoteQuery(tx.context, 'seat covers camry', 'en', at)));
    expect(answer).toMatchObject({ modelId: ids.camry, quote: { totalMinor: 450000 } });
  });
});
