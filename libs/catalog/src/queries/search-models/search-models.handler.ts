import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { preferYear } from '../../domain/quote';
import { searchModels } from './model-search';
import { ModelSearchResult } from './model-search.view';
import { SearchModelsQuery } from './search-models.query';

/** Scores are rounded to 4 decimals, so both drivers print the same figures. */
const round = (score: number) => Math.round(score * 10_000) / 10_000;

@QueryHandler(SearchModelsQuery)
export class SearchModelsHandler extends TenantQueryHandler<SearchModelsQuery, ModelSearchResult> {
  protected async handle(query: SearchModelsQuery, tx: TenantTx): Promise<ModelSearchResult> {
    const { hits, year } = await searchModels(tx, query.q, query.limit);
    // Models covering the year asked for come first, each group best first.
    const preferred = preferYear(hits, year);
    const ordered = [...preferred, ...hits.filter((hit) => !preferred.includes(hit))];
    return { data: ordered.map((hit) => ({ model: hit.view, score: round(hit.score) })) };
  }
}
