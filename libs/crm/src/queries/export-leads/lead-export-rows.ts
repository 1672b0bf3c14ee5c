import { QueryBus } from '@nestjs/cqrs';
import { TenantContext } from '@saler/platform';
import { LeadView } from '../../commands/lead.view';
import { currencyExponent } from '../../domain/lead-import-row';
import { ListPipelinesQuery } from '../list-pipelines/list-pipelines.query';
import { LeadFiltersRequest } from '../list-leads/lead-filters.request';
import { ListLeadsQuery } from '../list-leads/list-leads.query';

const EXPORT_PAGE = 500;

/** The export's columns: the import's own (so an export can be imported again), then the lead's facts. */
export const LEAD_EXPORT_COLUMNS = ['name', 'email', 'phone', 'title', 'value', 'currency', 'stage', 'tags', 'expectedCloseDate', 'status', 'lostReason', 'score', 'source', 'assigneeId', 'createdAt', 'id'] as const;
export type LeadExportRow = Record<(typeof LEAD_EXPORT_COLUMNS)[number], string | number | null>;

function majorUnits(valueMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? String(valueMinor) : (valueMinor / 10 ** exponent).toFixed(exponent);
}

/**
 * The leads matching the list filters, page by page through ListLeadsQuery (each page its own short
 * unit of work, keyset-paged), so an export of any size never holds a transaction or the whole set.
 * `present` masks what the caller may not see.
 */
export async function* leadExportRows(
  queryBus: QueryBus,
  context: TenantContext,
  filters: LeadFiltersRequest,
  caller: { id: string | null; searchHidden: boolean },
  present: (lead: LeadView) => LeadView,
): AsyncGenerator<LeadExportRow> {
  const pipelines = await queryBus.execute(new ListPipelinesQuery(context));
  const stageNames = new Map(pipelines.data.flatMap((pipeline) => pipeline.stages.map((stage) => [stage.id, stage.name] as const)));
  let cursor: string | undefined;
  do {
    const page = await queryBus.execute(new ListLeadsQuery(context, filters, { limit: EXPORT_PAGE, cursor }, caller.id, caller.searchHidden));
    for (const lead of page.data.map(present)) {
      yield {
        name: lead.contact.name,
        email: lead.contact.email,
        phone: lead.contact.phone,
        title: lead.title,
        value: majorUnits(lead.valueMinor, lead.currency),
        currency: lead.currency,
        stage: stageNames.get(lead.stageId) ?? lead.stageId,
        tags: lead.tags.join(';'),
        expectedCloseDate: lead.expectedCloseDate,
        status: lead.status,
        lostReason: lead.lostReason,
        score: lead.score,
        source: lead.source,
        assigneeId: lead.assigneeId,
        createdAt: lead.createdAt,
        id: lead.id,
      };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
