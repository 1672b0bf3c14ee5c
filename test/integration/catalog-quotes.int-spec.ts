import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, ProblemException, UnitOfWork } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { CatalogTenantProvisioner } from '../../libs/catalog/src/catalog-tenant-provisioner';
import { AddBasePriceCommand } from '../../libs/catalog/src/commands/add-base-price/add-base-price.command';
import { AddModelPriceCommand } from '../../libs/catalog/src/commands/add-model-price/add-model-price.command';
import { AddOptionPriceCommand } from '../../libs/catalog/src/commands/add-option-price/add-option-price.command';
import { CreateBrandCommand } from '../../libs/catalog/src/commands/create-brand/create-brand.command';
import { CreateCategoryCommand } from '../../libs/catalog/src/commands/create-category/create-category.command';
import { CreateModelCommand } from '../../libs/catalog/src/commands/create-model/create-model.command';
import { CreateOptionCommand } from '../../libs/catalog/src/commands/create-option/create-option.command';
import { RunCatalogImportCommand } from '../../libs/catalog/src/commands/run-catalog-import/run-catalog-import.command';
import { SetAvailabilityCommand } from '../../libs/catalog/src/commands/set-availability/set-availability.command';
import { StartCatalogImportCommand } from '../../libs/catalog/src/commands/start-catalog-import/start-catalog-import.command';
import { UpdateCategoryCommand } from '../../libs/catalog/src/commands/update-category/update-category.command';
import { BodyType } from '../../libs/catalog/src/domain/body-type.entity';
import { CalculateQuoteQuery } from '../../libs/catalog/src/queries/calculate-quote/calculate-quote.query';
import { CalculateQuoteRequest } from '../../libs/catalog/src/queries/calculate-quote/calculate-quote.request';
import { QuoteView } from '../../libs/catalog/src/queries/calculate-quote/quote.view';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

/**
 * Prices by time on both drivers (SQLite keeps datetimes as UTC text, PostgreSQL as timestamptz):
 * the row valid at a quote's `at` is the one used, to the millisecond, and a prices file imported
 * twice changes nothing.
 */
describe(`catalogue prices and quotes over time (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const context = () => contextOf(tenant);
  let sedan: BodyType;
  let modelId: string;
  let categoryId: string;
  let optionId: string;
  /** An option of another category, with the same name as optionId's. */
  let elsewhere: string;

  const run = <T>(command: object): Promise<T> => app.get(CommandBus).execute(command as never);
  const calculate = (input: CalculateQuoteRequest): Promise<QuoteView> => app.get(QueryBus).execute(new CalculateQuoteQuery(context(), input));
  const quote = (at?: string, optionIds: string[] = []): Promise<QuoteView> => calculate({ modelId, categoryId, optionIds, at });
  /** The field errors of the problem a quote is refused with. */
  const refusal = (input: CalculateQuoteRequest) => calculate(input).then(
    () => Promise.reject(new Error('the quote was not refused')),
    (problem: ProblemException) => ({ status: problem.getStatus(), slug: problem.slug, ...problem.extensions }),
  );

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CatalogModule] });
    await app.get(UnitOfWork).run(context(), (tx) => app.get(CatalogTenantProvisioner).provision(tx));
    sedan = (await app.get(UnitOfWork).run(context(), (tx) => tx.repository(BodyType).findOne({ nameKey: 'sedan' }))) as BodyType;
    const brand = await run<{ id: string }>(new CreateBrandCommand(context(), { name: 'Toyota' }));
    modelId = (await run<{ id: string }>(new CreateModelCommand(context(), { brandId: brand.id, name: 'Camry', bodyTypeId: sedan.id }))).id;
    const other = await run<{ id: string }>(new CreateBrandCommand(context(), { name: 'Daihatsu' }));
    await run(new CreateModelCommand(context(), { brandId: other.id, name: 'Altis', bodyTypeId: sedan.id }));
    await run(new CreateModelCommand(context(), { brandId: brand.id, name: 'Altis', bodyTypeId: sedan.id }));
    categoryId = (await run<{ id: string }>(new CreateCategoryCommand(context(), { name: 'EVA mats' }))).id;
    optionId = (await run<{ id: string }>(new CreateOptionCommand(context(), { categoryId, name: 'With rims' }))).id;
    const liners = (await run<{ id: string }>(new CreateCategoryCommand(context(), { name: 'Floor liners' }))).id;
    elsewhere = (await run<{ id: string }>(new CreateOptionCommand(context(), { categoryId: liners, name: 'With rims' }))).id;
    await run(new AddBasePriceCommand(context(), { categoryId, bodyTypeId: sedan.id, amountMinor: 4500, currency: 'EUR', validFrom: '2026-01-01T00:00:00.000Z' }));
    await run(new AddBasePriceCommand(context(), { categoryId, bodyTypeId: sedan.id, amountMinor: 4800, currency: 'EUR', validFrom: '2099-06-01T12:00:00.500Z' }));
    await run(new AddOptionPriceCommand(context(), { optionId, amountMinor: 500, currency: 'EUR', validFrom: '2026-03-01' }));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('uses the row valid at `at`, to the millisecond', async () => {
    await expect(quote('2025-12-31T23:59:59.999Z')).rejects.toMatchObject({ slug: 'price-missing' });
    expect(await quote('2026-01-01T00:00:00.000Z')).toMatchObject({ totalMinor: 4500, priceValidFrom: '2026-01-01T00:00:00.000Z' });
    expect(await quote('2099-06-01T12:00:00.499Z')).toMatchObject({ totalMinor: 4500 });
    expect(await quote('2099-06-01T12:00:00.500Z')).toMatchObject({ totalMinor: 4800, priceValidFrom: '2099-06-01T12:00:00.500Z' });
    expect(await quote(undefined, [optionId])).toMatchObject({ totalMinor: 5000, priceValidFrom: '2026-03-01T00:00:00.000Z', lines: [{ amountMinor: 4500 }, { amountMinor: 500 }] });
    await expect(quote('2026-02-28T23:59:59Z', [optionId])).rejects.toMatchObject({ slug: 'price-missing' });
  });

  it('imports a prices file twice without changing anything the second time', async () => {
    const csv = 'category,bodyType,option,price,currency,validFrom\nEVA mats,suv,,55.50,EUR,2026-02-01\nEVA mats,,With rims,6,EUR,2099-01-01T10:00:00+02:00\n';
    const importPrices = async () => {
      const { jobId } = await run<{ jobId: string }>(new StartCatalogImportCommand(context(), { fileName: 'prices.csv', kind: 'prices', content: (async function* () { yield Buffer.from(csv); })() }, false));
      return run(new RunCatalogImportCommand(context(), jobId, true));
    };
    expect(await importPrices()).toMatchObject({ status: 'completed', failed: 0, result: { pricesCreated: 2, unchanged: 0 } });
    expect(await importPrices()).toMatchObject({ status: 'completed', failed: 0, result: { pricesCreated: 0, unchanged: 2 } });
    expect(await quote('2099-01-01T08:00:00Z', [optionId])).toMatchObject({ totalMinor: 4500 + 600 });
  });

  it('prices each option asked for at `at`, in the order asked, and names each one without a price by its index (422)', async () => {
    const covers = (await run<{ id: string }>(new CreateCategoryCommand(context(), { name: 'Seat covers' }))).id;
    const option = async (name: string) => (await run<{ id: string }>(new CreateOptionCommand(context(), { categoryId: covers, name }))).id;
    const [heated, piping, unpriced] = [await option('Heated'), await option('Piping'), await option('Unpriced')];
    const base = await run<{ id: string }>(new AddBasePriceCommand(context(), { categoryId: covers, bodyTypeId: sedan.id, amountMinor: 10000, currency: 'EUR', validFrom: '2026-01-01' }));
    const heatedFirst = await run<{ id: string }>(new AddOptionPriceCommand(context(), { optionId: heated, amountMinor: 2000, currency: 'EUR', validFrom: '2026-01-01' }));
    const heatedLater = await run<{ id: string }>(new AddOptionPriceCommand(context(), { optionId: heated, amountMinor: 2500, currency: 'EUR', validFrom: '2099-05-01' }));
    const pipingPrice = await run<{ id: string }>(new AddOptionPriceCommand(context(), { optionId: piping, amountMinor: 700, currency: 'EUR', validFrom: '2026-02-01' }));
    const lines = (view: QuoteView) => view.lines.map((line) => [line.kind, line.label, line.amountMinor, line.priceId, line.validFrom]);

    const april = await calculate({ modelId, categoryId: covers, optionIds: [piping, heated], at: '2099-04-30T23:59:59.999Z' });
    expect(april).toMatchObject({ match: 'id', available: true, category: { id: covers, name: 'Seat covers' }, totalMinor: 12700, currency: 'EUR', priceValidFrom: '2026-02-01T00:00:00.000Z' });
    expect(lines(april)).toEqual([
      ['base', 'Seat covers for Toyota Camry (sedan)', 10000, base.id, '2026-01-01T00:00:00.000Z'],
      ['option', 'Piping', 700, pipingPrice.id, '2026-02-01T00:00:00.000Z'],
      ['option', 'Heated', 2000, heatedFirst.id, '2026-01-01T00:00:00.000Z'],
    ]);
    const may = await calculate({ modelId, categoryId: covers, optionIds: [heated], at: '2099-05-01T00:00:00.000Z' });
    expect(lines(may)).toEqual([expect.arrayContaining(['base', 10000]), ['option', 'Heated', 2500, heatedLater.id, '2099-05-01T00:00:00.000Z']]);
    expect(may).toMatchObject({ totalMinor: 12500, priceValidFrom: '2099-05-01T00:00:00.000Z' });

    expect(await refusal({ modelId, categoryId: covers, optionIds: [heated, unpriced], at: '2026-06-01' })).toMatchObject({
      status: 422,
      slug: 'price-missing',
      errors: [{ field: 'optionIds[1]', message: 'No price valid at 2026-06-01T00:00:00.000Z for Unpriced' }],
      missing: [{ kind: 'option', label: 'Unpriced', field: 'optionIds[1]' }],
    });
    expect(await refusal({ modelId, categoryId: covers, optionIds: [piping, heated], at: '2026-01-31T23:59:59.999Z' })).toMatchObject({ status: 422, errors: [{ field: 'optionIds[0]' }], missing: [{ kind: 'option', label: 'Piping' }] });
    expect(await refusal({ modelId, categoryId: covers, at: '2025-12-31' })).toMatchObject({ status: 422, errors: [{ field: 'categoryId' }], missing: [{ kind: 'base', label: 'Seat covers for Toyota Camry (sedan)', field: 'categoryId' }] });
  });

  it('prefers the model’s own price from its validFrom on, and answers availability marks and inactive categories without prices', async () => {
    const cases = (await run<{ id: string }>(new CreateCategoryCommand(context(), { name: 'Key cases' }))).id;
    await run(new AddBasePriceCommand(context(), { categoryId: cases, bodyTypeId: sedan.id, amountMinor: 900, currency: 'EUR', validFrom: '2026-01-01' }));
    const own = await run<{ id: string }>(new AddModelPriceCommand(context(), { modelId, categoryId: cases, amountMinor: 1200, currency: 'EUR', validFrom: '2026-03-01' }));
    expect((await calculate({ modelId, categoryId: cases, at: '2026-02-28T23:59:59.999Z' })).lines).toEqual([expect.objectContaining({ kind: 'base', amountMinor: 900, label: 'Key cases for Toyota Camry (sedan)' })]);
    expect(await calculate({ modelId, categoryId: cases, at: '2026-03-01' })).toMatchObject({ totalMinor: 1200, lines: [{ kind: 'model', amountMinor: 1200, priceId: own.id, label: 'Key cases for Toyota Camry' }] });

    await run(new SetAvailabilityCommand(context(), { modelId, categoryId: cases, available: true, note: 'Made to order: 5 days' }));
    expect(await calculate({ modelId, categoryId: cases, at: '2026-03-01' })).toMatchObject({ available: true, note: 'Made to order: 5 days', totalMinor: 1200 });
    await run(new SetAvailabilityCommand(context(), { modelId, categoryId: cases, available: false, note: 'No pattern yet' }));
    const unavailable = await calculate({ modelId, categoryId: cases });
    expect(unavailable).toEqual({ match: 'id', model: expect.objectContaining({ id: modelId }), category: { id: cases, name: 'Key cases' }, available: false, note: 'No pattern yet', lines: [], totalMinor: null, currency: null, priceValidFrom: null, at: unavailable.at });
    await run(new SetAvailabilityCommand(context(), { modelId, categoryId: cases, available: false, note: null }));
    expect(await calculate({ modelId, categoryId: cases })).not.toHaveProperty('note');

    await run(new UpdateCategoryCommand(context(), cases, { active: false }));
    expect(await calculate({ modelId, categoryId: cases })).toMatchObject({ available: false, note: 'Key cases is not offered at the moment', lines: [], totalMinor: null });
  });

  it('resolves modelQuery by search, lists candidates when it is ambiguous, and says none when nothing matches', async () => {
    const byId = await quote('2026-06-01');
    expect(await calculate({ modelQuery: 'toyota kamri', categoryId, at: '2026-06-01' })).toEqual({ ...byId, match: 'search' });
    const ambiguous = await calculate({ modelQuery: 'altis', categoryId, optionIds: [optionId] });
    expect(ambiguous).toMatchObject({ match: 'ambiguous', model: null, available: null, category: { id: categoryId, name: 'EVA mats' }, lines: [], totalMinor: null, currency: null, priceValidFrom: null });
    expect(ambiguous.candidates?.map((candidate) => candidate.model.name).sort()).toEqual(['Altis', 'Altis']);
    expect(await calculate({ modelQuery: 'qqqqqqqqqqqq', categoryId })).toMatchObject({ match: 'none', model: null, candidates: [], totalMinor: null });
  });

  it.each([
    ['an unknown category, before the rest', () => ({ modelId: newId(), categoryId: newId(), optionIds: [newId()] }), 'categoryId'],
    ['an unknown category with a modelQuery', () => ({ modelQuery: 'qqqqqqqqqqqq', categoryId: newId() }), 'categoryId'],
    ['a repeated option', () => ({ modelId, categoryId, optionIds: [optionId, optionId] }), 'optionIds'],
    ['an unknown option, by its index', () => ({ modelId, categoryId, optionIds: [optionId, newId()] }), 'optionIds[1]'],
    ['an option of another category', () => ({ modelId, categoryId, optionIds: [elsewhere, optionId] }), 'optionIds[0]'],
    ['an option of an ambiguous quote checked too', () => ({ modelQuery: 'altis', categoryId, optionIds: [newId()] }), 'optionIds[0]'],
    ['an unknown model', () => ({ modelId: newId(), categoryId, optionIds: [optionId] }), 'modelId'],
    ['both modelId and modelQuery', () => ({ modelId, modelQuery: 'camry', categoryId }), 'modelId'],
    ['an at that is not a date', () => ({ modelId, categoryId, at: 'tomorrow' }), 'at'],
  ])('refuses a quote with %s (400 naming the field)', async (_case, input, field) => {
    expect(await refusal(input())).toMatchObject({ status: 400, errors: [{ field }] });
  });
});
