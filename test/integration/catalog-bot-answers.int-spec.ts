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
import { DeleteModelCommand } from '../../libs/catalog/src/commands/delete-model/delete-model.command';
import { SetAvailabilityCommand } from '../../libs/catalog/src/commands/set-availability/set-availability.command';
import { BodyType } from '../../libs/catalog/src/domain/body-type.entity';
import { AnswerWithQuoteQuery, QuoteAnswer, QuoteDraft } from '../../libs/catalog/src/queries/answer-with-quote/answer-with-quote.query';
import { DEFAULT_BOT_SETTINGS } from '../../libs/knowledge/src/domain/bot-defaults';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const NBSP = '\u00a0';
/** The built-in price phrases of both languages, as a bilingual tenant's bot would pass them. */
const PRICE_KEYWORDS = [...DEFAULT_BOT_SETTINGS.priceKeywords.en, ...DEFAULT_BOT_SETTINGS.priceKeywords.ru];

/**
 * The bot's quote step on both drivers (pg_trgm on PostgreSQL, the in-process trigrams on SQLite):
 * a customer's message, in English or Russian and misspelt, answered with a price, a question that
 * leaves a draft for the next message, or nothing when it is not about a price.
 */
describe(`catalogue answers for the bot (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const context = () => contextOf(tenant);
  const at = new Date('2026-06-01T00:00:00Z');
  const ids: Record<string, string> = {};

  const run = <T>(command: object): Promise<T> => app.get(CommandBus).execute(command as never);
  const ask = (text: string, locale = 'en', draft: QuoteDraft | null = null, priceKeywords: readonly string[] = PRICE_KEYWORDS): Promise<QuoteAnswer | null> =>
    app.get(QueryBus).execute(new AnswerWithQuoteQuery(context(), text, locale, priceKeywords, draft, at));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CatalogModule] });
    await app.get(UnitOfWork).run(context(), (tx) => app.get(CatalogTenantProvisioner).provision(tx));
    const bodyType = async (nameKey: string) => ((await app.get(UnitOfWork).run(context(), (tx) => tx.repository(BodyType).findOne({ nameKey }))) as BodyType).id;
    const [sedan, suv] = [await bodyType('sedan'), await bodyType('suv')];
    ids.sedan = sedan;
    const brandId = (await run<{ id: string }>(new CreateBrandCommand(context(), { name: 'Toyota', aliases: ['Тойота'] }))).id;
    ids.brand = brandId;
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

  it('quotes the one model the message names, through the quote calculation, and completes the draft', async () => {
    expect(await ask('How much are seat covers for a Toyota Camry 2019?')).toEqual({
      kind: 'quoted',
      values: { product: 'Seat covers', model: 'Toyota Camry (2018–2024)', price: '4,500.00 THB' },
      categoryId: ids.covers,
      modelId: ids.camry,
      draft: null,
      quote: expect.objectContaining({ match: 'id', available: true, totalMinor: 450000, currency: 'THB', lines: [expect.objectContaining({ kind: 'model', amountMinor: 450000 })] }),
    });
  });

  it('recognises a misspelt model, and a year that picks one generation', async () => {
    expect(await ask('seat covers camri 2019')).toMatchObject({ kind: 'quoted', values: { price: '4,500.00 THB' }, modelId: ids.camry });
    expect(await ask('price of seat covers for my rav 4 2020')).toMatchObject({ kind: 'quoted', values: { model: 'Toyota RAV4 XA50 (2019–)', price: '5,200.50 THB' }, modelId: ids.rav4xa50 });
  });

  it('reads Cyrillic and formats the price for a Russian locale', async () => {
    expect(await ask('сколько стоят чехлы на камри', 'ru-RU')).toMatchObject({
      kind: 'quoted',
      values: { product: 'Чехлы', model: 'Toyota Camry (2018–2024)', price: `12${NBSP}500,00 RUB` },
      categoryId: ids.russianCovers,
      modelId: ids.camry,
      quote: { totalMinor: 1250000, currency: 'RUB' },
    });
  });

  it('asks which model when the best matches are too close, naming them, and keeps the product for the answer', async () => {
    const answer = await ask('seat covers for rav4');
    expect(answer).toMatchObject({ kind: 'ask_which', categoryId: ids.covers, modelId: null, quote: null, draft: { categoryId: ids.covers, modelId: null } });
    expect(answer?.values.candidates).toMatch(/^Toyota RAV4 XA(40|50) \(.+\), Toyota RAV4 XA(40|50) \(.+\)$/);
    expect(answer?.values.candidates).toContain('Toyota RAV4 XA40 (2013–2018)');
    expect(answer?.values.candidates).toContain('Toyota RAV4 XA50 (2019–)');
    expect(await ask('rav4 2015', 'en', answer?.draft ?? null)).toMatchObject({ kind: 'quoted', modelId: ids.rav4xa40, categoryId: ids.covers, draft: null });
  });

  it('asks for the car when no model is recognised, and quotes when the next message names it', async () => {
    const asked = await ask('How much are seat covers?');
    expect(asked).toEqual({ kind: 'ask_model', values: { product: 'Seat covers' }, quote: null, categoryId: ids.covers, modelId: null, draft: { categoryId: ids.covers, modelId: null } });
    expect(await ask('чехлы на самолёт', 'ru')).toMatchObject({ kind: 'ask_model', categoryId: ids.russianCovers, draft: { categoryId: ids.russianCovers, modelId: null } });
    expect(await ask('camry', 'en', asked?.draft ?? null)).toMatchObject({ kind: 'quoted', categoryId: ids.covers, modelId: ids.camry, values: { price: '4,500.00 THB' }, draft: null });
    // A message that names no car leaves the draft to the rest of the pipeline.
    expect(await ask('Do you deliver to Chiang Mai?', 'en', asked?.draft ?? null)).toBeNull();
  });

  it('asks for the product when a price question names only the car, and quotes when the next message names it', async () => {
    const asked = await ask('How much for a Camry 2019?');
    expect(asked).toEqual({ kind: 'ask_product', values: { products: 'Seat covers, Чехлы, EVA mats' }, quote: null, categoryId: null, modelId: ids.camry, draft: { categoryId: null, modelId: ids.camry } });
    expect(await ask('seat covers please', 'en', asked?.draft ?? null)).toMatchObject({ kind: 'quoted', categoryId: ids.covers, modelId: ids.camry, draft: null });
    expect(await ask('What is the price?')).toMatchObject({ kind: 'ask_product', modelId: null, draft: { categoryId: null, modelId: null } });
  });

  it('asks for the car again when the draft’s model has been deleted since', async () => {
    const gone = (await run<{ id: string }>(new CreateModelCommand(context(), { brandId: ids.brand, name: 'Crown', bodyTypeId: ids.sedan }))).id;
    await run(new DeleteModelCommand(context(), gone));
    expect(await ask('seat covers', 'en', { categoryId: null, modelId: gone })).toMatchObject({ kind: 'ask_model', categoryId: ids.covers, modelId: null, draft: { categoryId: ids.covers, modelId: null } });
  });

  it('says so when the model is not available, with the availability note', async () => {
    expect(await ask('seat covers for corolla')).toMatchObject({
      kind: 'unavailable',
      values: { product: 'Seat covers', model: 'Toyota Corolla', note: 'back in July' },
      modelId: ids.corolla,
      draft: null,
      quote: { available: false, totalMinor: null, note: 'back in July' },
    });
  });

  it('leaves the price to a manager when the price list has none', async () => {
    expect(await ask('eva mats for camry 2019')).toEqual({ kind: 'unpriced', values: { product: 'EVA mats', model: 'Toyota Camry (2018–2024)' }, quote: null, categoryId: ids.mats, modelId: ids.camry, draft: null });
  });

  it('uses only the price phrases it is given', async () => {
    expect(await ask('How much for a Camry 2019?', 'en', null, ['what does it cost'])).toBeNull();
    expect(await ask('what does it cost for a camry', 'en', null, ['what does it cost'])).toMatchObject({ kind: 'ask_product', modelId: ids.camry });
  });

  it('is null when the message asks no price, names no active category and continues no draft', async () => {
    expect(await ask('Camry 2019')).toBeNull();
    expect(await ask('Do you deliver to Chiang Mai?')).toBeNull();
    expect(await ask('roof boxes for camry')).toBeNull();
  });

  it('answers inside the caller’s unit of work, as the bot asks', async () => {
    const answer = await app.get(UnitOfWork).run(context(), (tx) => app.get(QueryBus).execute(new AnswerWithQuoteQuery(tx.context, 'seat covers camry', 'en', PRICE_KEYWORDS, null, at)));
    expect(answer).toMatchObject({ modelId: ids.camry, quote: { totalMinor: 450000 } });
  });
});
