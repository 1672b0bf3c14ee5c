import { Inject, Injectable } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { DomainEvent, JOBS, QUEUE_DRIVER, QueueDriver, QUEUES } from '@saler/platform';
import { ContactUpdated } from '../events/contact-updated.event';
import { ContactsMerged } from '../events/contacts-merged.event';
import { LeadActivityLogged } from '../events/lead-activity-logged.event';
import { LeadCreated } from '../events/lead-created.event';
import { LeadStageChanged } from '../events/lead-stage-changed.event';
import { LeadUpdated } from '../events/lead-updated.event';
import { ScoringRulesChanged } from '../events/scoring-rules-changed.event';

/** Changes within one window of this length collapse into one scoring job that runs when the window ends. */
export const SCORE_DEBOUNCE_MS = 2000;

export interface ScoreLeadsJob {
  leadIds?: string[];
  contactId?: string;
}

type ScoringTrigger = LeadCreated | LeadUpdated | LeadStageChanged | LeadActivityLogged | ContactUpdated | ContactsMerged | ScoringRulesChanged;

/**
 * Every event that can move a score queues a scoring job, debounced per lead: the job id names the
 * lead and the time window, so a burst of changes in one window is one job, run after the window
 * with the lead's latest state. A rules change rescores the whole tenant. Imported leads are scored
 * as they are written.
 */
@Injectable()
@EventsHandler(LeadCreated, LeadUpdated, LeadStageChanged, LeadActivityLogged, ContactUpdated, ContactsMerged, ScoringRulesChanged)
export class ScoreLeadsOnChange implements IEventHandler<ScoringTrigger> {
  constructor(@Inject(QUEUE_DRIVER) private readonly queue: QueueDriver) {}

  async handle(event: ScoringTrigger): Promise<void> {
    const envelope = (payload: ScoreLeadsJob) => ({ tenantId: event.context.tenantId, actor: event.context.actor, requestId: event.context.requestId, payload });
    if (event instanceof ScoringRulesChanged) {
      await this.queue.add(QUEUES.CRM, JOBS.TENANT_RESCORE, envelope({}), { jobId: `rescore.${event.context.tenantId}.${event.payload.version}` });
      return;
    }
    const now = Date.now();
    const window = Math.floor(now / SCORE_DEBOUNCE_MS);
    const delayMs = (window + 1) * SCORE_DEBOUNCE_MS - now;
    if (event instanceof ContactUpdated) {
      await this.queue.add(QUEUES.CRM, JOBS.LEAD_SCORE, envelope({ contactId: event.payload.contactId }), { jobId: `score-contact.${event.payload.contactId}.${window}`, delayMs });
      return;
    }
    const leadIds = leadIdsOf(event);
    if (leadIds.length === 1) {
      await this.queue.add(QUEUES.CRM, JOBS.LEAD_SCORE, envelope({ leadIds }), { jobId: `score-lead.${leadIds[0]}.${window}`, delayMs });
    } else if (leadIds.length > 1) {
      await this.queue.add(QUEUES.CRM, JOBS.LEAD_SCORE, envelope({ leadIds }), { jobId: `score-event.${event.id}`, delayMs });
    }
  }
}

function leadIdsOf(event: DomainEvent): string[] {
  if (event instanceof ContactsMerged) return event.payload.leadIds;
  return [(event.payload as { leadId: string }).leadId];
}
