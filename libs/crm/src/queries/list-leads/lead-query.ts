import type { SelectQueryBuilder } from 'typeorm';
import { KeysetSort, likePattern, TenantTx } from '@saler/platform';
import { Lead } from '../../domain/lead.entity';
import { LeadFiltersRequest, LeadSortName } from './lead-filters.request';

const column = { createdAt: 'l.created_at', updatedAt: 'l.updated_at', score: 'l.score', value: 'l.value_minor' } as const;
const read = { createdAt: (lead: Lead) => lead.createdAt, updatedAt: (lead: Lead) => lead.updatedAt, score: (lead: Lead) => lead.score, value: (lead: Lead) => lead.valueMinor };

/** Each sort runs over its own (tenant_id, column, id) index. */
export function leadSort(name: LeadSortName = '-createdAt'): KeysetSort<Lead> {
  const key = name.replace(/^-/, '') as keyof typeof column;
  return { name, column: column[key], direction: name.startsWith('-') ? 'DESC' : 'ASC', kind: key === 'createdAt' || key === 'updatedAt' ? 'date' : 'number', read: read[key] };
}

/** The leads of the tenant that pass the filters; `me` is the caller. */
export function filteredLeads(tx: TenantTx, filters: LeadFiltersRequest, callerId: string | null, searchHidden: boolean): SelectQueryBuilder<Lead> {
  const query = tx.repository(Lead).scopedQuery('l');
  if (filters.stageId !== undefined) query.andWhere('l.stage_id = :stageId', { stageId: filters.stageId });
  if (filters.status !== undefined) query.andWhere('l.status = :status', { status: filters.status });
  if (filters.assigneeId === 'none') query.andWhere('l.assignee_id IS NULL');
  else if (filters.assigneeId !== undefined) query.andWhere('l.assignee_id = :assigneeId', { assigneeId: filters.assigneeId === 'me' ? callerId : filters.assigneeId.toLowerCase() });
  if (filters.tag !== undefined) {
    query.andWhere('EXISTS (SELECT 1 FROM lead_tags t WHERE t.tenant_id = l.tenant_id AND t.lead_id = l.id AND t.tag = :tag)', { tag: filters.tag.trim().toLowerCase() });
  }
  if (filters.source !== undefined) query.andWhere('l.source = :source', { source: filters.source });
  if (filters.minScore !== undefined) query.andWhere('l.score >= :minScore', { minScore: filters.minScore });
  if (filters.createdFrom !== undefined) query.andWhere('l.created_at >= :createdFrom', { createdFrom: new Date(filters.createdFrom) });
  if (filters.createdTo !== undefined) query.andWhere('l.created_at < :createdTo', { createdTo: new Date(filters.createdTo) });
  if (filters.q !== undefined) {
    query.andWhere(
      `(LOWER(l.title) LIKE :q ESCAPE '\\' OR EXISTS (SELECT 1 FROM contacts c WHERE c.tenant_id = l.tenant_id AND c.id = l.contact_id AND (LOWER(c.name) LIKE :q ESCAPE '\\'${searchHidden ? ` OR c.email LIKE :q ESCAPE '\\'` : ''})))`,
      { q: likePattern(filters.q) },
    );
  }
  return query;
}
