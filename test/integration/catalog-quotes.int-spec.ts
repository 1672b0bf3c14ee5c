import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, UnitOfWork } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { CatalogTenantProvisioner } from '../../libs/catalog/src/catalog-tenant-provisioner';
import { AddBasePriceCommand } from '../../libs/catalog/src/commands/add-base-price/add-base-price.command';
import { AddOptionPriceCommand } from '../../libs/catalog/src/commands/add-option-price/add-option-price.command';
import { CreateBrandCommand } from '../../libs/catalog/src/commands/create-brand/create-brand.command';
import { CreateCategoryCommand } from '../../libs/catalog/src/commands/create-category/create-category.command';
import { CreateModelCommand } from '../../libs/catalog/src/commands/create-model/create-model.command';
import { CreateOptionCommand } from '../../libs/catalog/src/commands/create-option/create-option.command';
import { RunCatalogImportCommand } from '../../libs/catalog/src/commands/run-catalog-import/run-catalog-import.command';
import { StartCatalogImportCommand } from '../../libs/catalog/src/commands/start-catalog-import/start-catalog-import.command';
import { BodyType } from '../../libs/catalog/src/domain/body-type.entity';
import { CalculateQuoteQuery } from '../../libs/catalog/src/queries/calculate-quote/calculate-quote.query';
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
  let modelId: string;
  let categoryId: string;
  let optionId: string;

  const run = <T>(command: object): Promise<T> => app.get(CommandBus).execute(command as never);
  const quote = (at?: string, optionIds: string[] = []): Promise<QuoteView> => app.get(QueryBus).execute(new CalculateQuoteQuery(context(), { modelId, categoryId, optionIds, at }));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CatalogModule] });
    await app.get(UnitOfWork).run(context(), (tx) => app.get(CatalogTenantProvisioner).provision(tx));
    const sedan = (await app.get(UnitOfWork).run(context(), (tx) => tx.repository(BodyType).findOne({ nameKey: 'sedan' }))) as BodyType;
    const brand = await run<{ id: string }>(new CreateBrandCommand(context(), { name: 'Toyota' }));
    modelId = (await run<{ id: string }>(new CreateModelCommand(context(), { brandId: brand.id, name: 'Camry', bodyTypeId: sedan.id }))).id;
    categoryId = (await run<{ id: string }>(new CreateCategoryCommand(context(), { name: 'EVA mats' }))).id;
    optionId = (await run<{ id: string }>(new CreateOptionCommand(context(), { categoryId, name: 'With rims' }))).id;
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
});
