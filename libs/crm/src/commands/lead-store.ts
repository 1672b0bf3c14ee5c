import { In, LessThan } from 'typeorm';
import { abilityOf, assertCan, Caller, newId, TenantTx } from '@saler/platform';
import { Activity, ActivityType } from '../domain/activity.entity';
import { Contact } from '../domain/contact.entity';
import { notFound } from '../domain/crm-problems';
import { LeadTag } from '../domain/lead-tag.entity';
import { Lead } from '../domain/lead.entity';
import { Stage } from '../domain/stage.entity';
import { LeadView } from './lead.view';

export async function loadLead(tx: TenantTx, id: string): Promise<Lead> {
  const lead = await tx.repository(Lead).findOne({ id });
  if (lead === null) throw notFound('lead');
  return lead;
}

/** Loads a lead the caller may change, or answers 404 (not there) / 403 (not theirs). */
export async function loadLeadToChange(tx: TenantTx, id: string, caller: Caller): Promise<Lead> {
  const lead = await loadLead(tx, id);
  assertCan(abilityOf(tx, caller), 'update', 'Lead', { assigneeId: lead.assigneeId });
  return lead;
}

export type NewLeadFields = Pick<Lead, 'contactId' | 'title' | 'valueMinor' | 'currency' | 'source' | 'assigneeId' | 'tags' | 'expectedCloseDate'>;

/** A new lead in a stage (its status is the stage's kind), with what every new lead starts with. */
export function newLead(tenantId: string, fields: NewLeadFields, stage: Pick<Stage, 'id' | 'pipelineId' | 'kind'>, now: Date): Lead {
  return {
    ...fields,
    tenantId,
    id: newId(),
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    status: stage.kind,
    lostReason: null,
    score: 0,
    lastActivityAt: now,
    inboundMessages: 0,
    quoteRequestedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Tags are trimmed, lower-cased and unique. */
export function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag.length > 0))];
}

/** Keeps lead_tags (for filters) equal to the lead's tags. */
export async function writeTags(tx: TenantTx, leadId: string, tags: string[], replace: boolean): Promise<void> {
  if (replace) await tx.repository(LeadTag).delete({ leadId });
  if (tags.length > 0) await tx.repository(LeadTag).insert(tags.map((tag) => ({ id: newId(), leadId, tag })));
}

/** A new timeline entry of a lead, by the unit of work's actor. */
export function newActivity(tx: TenantTx, lead: Pick<Lead, 'id' | 'contactId'>, type: ActivityType, data: Record<string, unknown>, at: Date): Activity {
  return {
    tenantId: tx.tenantId,
    id: newId(),
    leadId: lead.id,
    contactId: lead.contactId,
    type,
    data,
    actorType: tx.context.actor.type,
    actorId: tx.context.actor.id,
    createdAt: at,
  };
}

/** Writes a timeline entry and moves the lead's last activity time. */
export async function recordActivity(tx: TenantTx, lead: Pick<Lead, 'id' | 'contactId'>, type: ActivityType, data: Record<string, unknown>, at = new Date()): Promise<Activity> {
  const activity = newActivity(tx, lead, type, data, at);
  await tx.repository(Activity).insert(activity);
  // A backdated entry (a call logged afterwards) never moves the last activity back in time.
  await tx.repository(Lead).update({ id: lead.id, lastActivityAt: LessThan(at) }, { lastActivityAt: at });
  return activity;
}

export async function leadViews(tx: TenantTx, leads: Lead[]): Promise<LeadView[]> {
  const contactIds = [...new Set(leads.map((lead) => lead.contactId))];
  const contacts = new Map(
    (contactIds.length === 0 ? [] : await tx.repository(Contact).find({ where: { id: In(contactIds) }, select: { tenantId: true, id: true, name: true, email: true, phone: true } })).map((contact) => [contact.id, contact]),
  );
  return leads.map((lead) => {
    const contact = contacts.get(lead.contactId);
    return {
      id: lead.id,
      contact: { id: lead.contactId, name: contact?.name ?? null, email: contact?.email ?? null, phone: contact?.phone ?? null },
      title: lead.title,
      valueMinor: lead.valueMinor,
      currency: lead.currency,
      source: lead.source,
      pipelineId: lead.pipelineId,
      stageId: lead.stageId,
      status: lead.status,
      lostReason: lead.lostReason,
      score: lead.score,
      assigneeId: lead.assigneeId,
      tags: lead.tags,
      expectedCloseDate: lead.expectedCloseDate,
      lastActivityAt: lead.lastActivityAt.toISOString(),
      version: lead.version,
      createdAt: lead.createdAt.toISOString(),
      updatedAt: lead.updatedAt.toISOString(),
    };
  });
}

export async function leadView(tx: TenantTx, id: string): Promise<LeadView> {
  const [view] = await leadViews(tx, [await loadLead(tx, id)]);
  return view;
}
