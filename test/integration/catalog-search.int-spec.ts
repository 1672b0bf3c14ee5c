import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId, UnitOfWork } from '@saler/platform';
import { CatalogModule } from '../../libs/catalog/src/catalog.module';
import { CatalogTenantProvisioner } from '../../libs/catalog/src/catalog-tenant-provisioner';
import { RunCatalogImportCommand } from '../../libs/catalog/src/commands/run-catalog-import/run-catalog-import.command';
import { StartCatalogImportCommand } from '../../libs/catalog/src/commands/start-catalog-import/start-catalog-import.command';
import { SEARCH_MIN_SCORE } from '../../libs/catalog/src/domain/quote';
import { ModelSearchResult } from '../../libs/catalog/src/queries/search-models/model-search.view';
import { SearchModelsQuery } from '../../libs/catalog/src/queries/search-models/search-models.query';
import { createTestApp } from '../support/test-app';
import { contextOf } from '../support/tenant-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const MODELS = 5_000;

/** Real models (brand, brand aliases, model, aliases, body type): what customers ask for. */
const REAL: [string, string, string, string, string][] = [
  ['Toyota', 'Тойота', 'Camry', 'камри', 'sedan'],
  ['Toyota', 'Тойота', 'Corolla', '', 'sedan'],
  ['Toyota', 'Тойота', 'RAV4', '', 'suv'],
  ['Toyota', 'Тойота', 'Land Cruiser', 'крузак;LC200', 'suv'],
  ['Toyota', 'Тойота', 'Land Cruiser Prado', 'прадо', 'suv'],
  ['Hyundai', 'Хендай;Хундай;Хёндэ', 'Solaris', '', 'sedan'],
  ['Hyundai', 'Хендай;Хундай;Хёндэ', 'Creta', '', 'suv'],
  ['Hyundai', 'Хендай;Хундай;Хёндэ', 'Tucson', '', 'suv'],
  ['Hyundai', 'Хендай;Хундай;Хёндэ', 'Santa Fe', '', 'suv'],
  ['Kia', 'Киа', 'Rio', '', 'sedan'],
  ['Kia', 'Киа', 'Sportage', '', 'suv'],
  ['Kia', 'Киа', 'Ceed', 'сид', 'hatchback'],
  ['Kia', 'Киа', 'Sorento', '', 'suv'],
  ['Volkswagen', 'Фольксваген;VW', 'Polo', '', 'sedan'],
  ['Volkswagen', 'Фольксваген;VW', 'Tiguan', '', 'suv'],
  ['Volkswagen', 'Фольксваген;VW', 'Passat', '', 'sedan'],
  ['Volkswagen', 'Фольксваген;VW', 'Golf', '', 'hatchback'],
  ['Volkswagen', 'Фольксваген;VW', 'Touareg', '', 'suv'],
  ['Skoda', 'Шкода', 'Octavia', '', 'sedan'],
  ['Skoda', 'Шкода', 'Rapid', '', 'sedan'],
  ['Skoda', 'Шкода', 'Kodiaq', 'кодиак', 'suv'],
  ['Lada', 'Лада;ВАЗ', 'Vesta', '', 'sedan'],
  ['Lada', 'Лада;ВАЗ', 'Granta', '', 'sedan'],
  ['Lada', 'Лада;ВАЗ', 'Niva', '', 'suv'],
  ['Lada', 'Лада;ВАЗ', 'Priora', '', 'sedan'],
  ['Nissan', 'Ниссан', 'Qashqai', '', 'suv'],
  ['Nissan', 'Ниссан', 'X-Trail', 'икстрейл', 'suv'],
  ['Nissan', 'Ниссан', 'Almera', '', 'sedan'],
  ['Renault', 'Рено', 'Logan', '', 'sedan'],
  ['Renault', 'Рено', 'Duster', '', 'suv'],
  ['Renault', 'Рено', 'Sandero', '', 'hatchback'],
  ['Mitsubishi', 'Мицубиси;Митсубиши', 'Lancer', '', 'sedan'],
  ['Mitsubishi', 'Мицубиси;Митсубиши', 'Outlander', '', 'suv'],
  ['Mitsubishi', 'Мицубиси;Митсубиши', 'Pajero', '', 'suv'],
  ['Mazda', 'Мазда', 'CX-5', '', 'suv'],
  ['Mazda', 'Мазда', '6', '', 'sedan'],
  ['Mazda', 'Мазда', '3', '', 'hatchback'],
  ['Ford', 'Форд', 'Focus', '', 'hatchback'],
  ['Ford', 'Форд', 'Mondeo', '', 'sedan'],
  ['Ford', 'Форд', 'Kuga', '', 'suv'],
  ['Honda', 'Хонда', 'Civic', '', 'sedan'],
  ['Honda', 'Хонда', 'Accord', '', 'sedan'],
  ['Honda', 'Хонда', 'CR-V', '', 'suv'],
  ['Chevrolet', 'Шевроле;Шевролет', 'Niva', '', 'suv'],
  ['Chevrolet', 'Шевроле;Шевролет', 'Cruze', '', 'sedan'],
  ['Chevrolet', 'Шевроле;Шевролет', 'Lacetti', '', 'sedan'],
  ['BMW', 'БМВ', 'X5', '', 'suv'],
  ['BMW', 'БМВ', '3 Series', 'тройка', 'sedan'],
  ['Mercedes-Benz', 'Мерседес;Мерс', 'E-Class', 'ешка', 'sedan'],
  ['Mercedes-Benz', 'Мерседес;Мерс', 'GLE', '', 'suv'],
];

/**
 * Each query and the model it means: misspelt Latin, Cyrillic, and Russian spellings written in
 * Latin letters (transliterated). Each must come back in the top 3 of 5,000 models.
 */
const MISSPELLINGS: [string, string][] = [
  // Latin, misspelt
  ['camri', 'Toyota Camry'],
  ['toyota camri 2015', 'Toyota Camry'],
  ['corola', 'Toyota Corolla'],
  ['toyota rav-4', 'Toyota RAV4'],
  ['rav 4', 'Toyota RAV4'],
  ['land cruizer', 'Toyota Land Cruiser'],
  ['hundai solaris', 'Hyundai Solaris'],
  ['hyundai kreta', 'Hyundai Creta'],
  ['kia sportaj', 'Kia Sportage'],
  ['volkswagen tiguan', 'Volkswagen Tiguan'],
  ['passat', 'Volkswagen Passat'],
  ['skoda octavia a7', 'Skoda Octavia'],
  ['mitsubisi lanser', 'Mitsubishi Lancer'],
  ['nisan kashkai', 'Nissan Qashqai'],
  ['x trail', 'Nissan X-Trail'],
  ['renault logan', 'Renault Logan'],
  ['mazda6', 'Mazda 6'],
  ['cx5', 'Mazda CX-5'],
  ['ford fokus', 'Ford Focus'],
  ['chevrolet kruze', 'Chevrolet Cruze'],
  ['honda sivic', 'Honda Civic'],
  ['bmw x-5', 'BMW X5'],
  // Cyrillic
  ['камри', 'Toyota Camry'],
  ['королла', 'Toyota Corolla'],
  ['рав 4', 'Toyota RAV4'],
  ['крузак', 'Toyota Land Cruiser'],
  ['ленд крузер', 'Toyota Land Cruiser'],
  ['прадо', 'Toyota Land Cruiser Prado'],
  ['солярис', 'Hyundai Solaris'],
  ['хендай крета', 'Hyundai Creta'],
  ['киа рио', 'Kia Rio'],
  ['спортейдж', 'Kia Sportage'],
  ['тигуан', 'Volkswagen Tiguan'],
  ['фольксваген поло', 'Volkswagen Polo'],
  ['октавия', 'Skoda Octavia'],
  ['шкода рапид', 'Skoda Rapid'],
  ['веста', 'Lada Vesta'],
  ['лада гранта', 'Lada Granta'],
  ['приора', 'Lada Priora'],
  ['нива', 'Lada Niva'],
  ['шевроле нива', 'Chevrolet Niva'],
  ['кашкай', 'Nissan Qashqai'],
  ['логан', 'Renault Logan'],
  ['рено дастер', 'Renault Duster'],
  ['лансер', 'Mitsubishi Lancer'],
  ['митсубиси аутлендер', 'Mitsubishi Outlander'],
  ['паджеро', 'Mitsubishi Pajero'],
  ['мазда 6', 'Mazda 6'],
  ['фокус', 'Ford Focus'],
  ['цивик', 'Honda Civic'],
  ['аккорд', 'Honda Accord'],
  ['лачетти', 'Chevrolet Lacetti'],
  ['бмв х5', 'BMW X5'],
  ['мерседес ешка', 'Mercedes-Benz E-Class'],
  // Transliterated: Russian spellings in Latin letters
  ['kamri', 'Toyota Camry'],
  ['krusak', 'Toyota Land Cruiser'],
  ['solyaris', 'Hyundai Solaris'],
  ['oktaviya', 'Skoda Octavia'],
  ['folksvagen polo', 'Volkswagen Polo'],
  ['kashkai', 'Nissan Qashqai'],
  ['padzhero', 'Mitsubishi Pajero'],
  ['shevrole lachetti', 'Chevrolet Lacetti'],
  ['mersedes e klass', 'Mercedes-Benz E-Class'],
  ['tsivik', 'Honda Civic'],
];

/** A small deterministic generator (mulberry32), so the 5,000 names are the same on every run and driver. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The models file: the real ones, then made-up brands and models (pronounceable, some with numbers) up to 5,000. */
function modelsCsv(): string {
  const next = random(20_261_127);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const syllables = ['ka', 'lo', 'mi', 'ra', 'to', 've', 'zi', 'no', 'sa', 'ti', 'ber', 'dan', 'mor', 'vel', 'kor', 'lin', 'tar', 'sen', 'gra', 'pol', 'ri', 'an', 'os', 'ex', 'quo', 'cy'];
  const word = (parts: number) => {
    const text = Array.from({ length: parts }, () => pick(syllables)).join('');
    return text[0].toUpperCase() + text.slice(1);
  };
  const bodyTypes = ['sedan', 'suv', 'minivan', 'hatchback', 'wagon', 'coupe', 'pickup'];
  const brands = Array.from({ length: 120 }, () => word(2 + Math.floor(next() * 2)));
  const lines = ['brand,brandAliases,model,aliases,bodyType,yearFrom,yearTo'];
  const seen = new Set<string>();
  for (const [brand, brandAliases, model, aliases, bodyType] of REAL) {
    lines.push(`${brand},${brandAliases},${model},${aliases},${bodyType},,`);
    seen.add(`${brand}|${model}`.toLowerCase());
  }
  while (lines.length - 1 < MODELS) {
    const brand = pick(brands);
    const model = next() < 0.3 ? `${word(1)} ${Math.floor(next() * 900) + 100}` : word(2 + Math.floor(next() * 2));
    const key = `${brand}|${model}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const from = 1990 + Math.floor(next() * 30);
    lines.push(`${brand},,${model},,${pick(bodyTypes)},${from},${next() < 0.5 ? from + 1 + Math.floor(next() * 10) : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Typo-tolerant search at handler level on both drivers: pg_trgm over the GIN index on
 * PostgreSQL, the in-process trigram fallback on SQLite, over 5,000 models imported from CSV.
 */
describe(`catalogue model search over ${MODELS.toLocaleString('en')} models (${process.env.TEST_DB_DRIVER})`, () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const tenant = newId();
  const other = newId();

  const search = (q: string, limit = 3, tenantId = tenant): Promise<ModelSearchResult> => app.get(QueryBus).execute(new SearchModelsQuery(contextOf(tenantId), q, limit));
  const importModels = async (tenantId: string, csv: string) => {
    const context = contextOf(tenantId);
    const { jobId } = await app.get(CommandBus).execute(new StartCatalogImportCommand(context, { fileName: 'models.csv', kind: 'models', content: (async function* () { yield Buffer.from(csv); })() }, false));
    return app.get(CommandBus).execute(new RunCatalogImportCommand(context, jobId, true));
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createTestApp(db, { modules: [CatalogModule] });
    for (const tenantId of [tenant, other]) await app.get(UnitOfWork).run(contextOf(tenantId), (tx) => app.get(CatalogTenantProvisioner).provision(tx));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it(`imports ${MODELS.toLocaleString('en')} models in batches, every row good`, async () => {
    const outcome = await importModels(tenant, modelsCsv());
    expect(outcome).toMatchObject({ status: 'completed', processed: MODELS, failed: 0, errors: [], result: { modelsCreated: MODELS } });
    // Another tenant has a Camry of its own, which tenant A must never see.
    await importModels(other, 'brand,model,bodyType\nToyota,Camry,sedan\nOtherbrand,Kamri,sedan\n');
  });

  it.each(MISSPELLINGS)('finds "%s" → %s in the top 3', async (query, expected) => {
    const result = await search(query);
    const names = result.data.map((match) => `${match.model.brand.name} ${match.model.name}`);
    expect({ query, top3: names }).toEqual({ query, top3: expect.arrayContaining([expected]) as string[] });
  });

  it('ranks by score (1 for the same search key) and answers from the tenant’s own models only', async () => {
    const result = await search('камри', 10);
    expect(result.data[0]).toMatchObject({ model: { name: 'Camry', brand: { name: 'Toyota' } }, score: 1 });
    const scores = result.data.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.data.map((match) => match.model.brand.name)).not.toContain('Otherbrand');
    const theirs = await search('камри', 10, other);
    expect(theirs.data.map((match) => `${match.model.brand.name} ${match.model.name}`)).toEqual(['Toyota Camry', 'Otherbrand Kamri']);
    expect(theirs.data.map((match) => match.score)).toEqual([1, 1]);
  });

  it('returns nothing under the minimum score, and nothing for a query without letters or digits', async () => {
    const weak = await search('zhvbrdnik', 50);
    expect(weak.data.every((match) => match.score >= SEARCH_MIN_SCORE)).toBe(true);
    expect((await search('--- !!', 10)).data).toEqual([]);
  });
});
