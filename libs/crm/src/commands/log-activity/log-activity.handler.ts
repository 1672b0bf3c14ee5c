import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { fieldProblem } from '../../domain/crm-problems';
import { LeadActivityLogged } from '../../events/lead-activity-logged.event';
import { ActivityView, toActivityView } from '../activity.view';
import { loadLead, recordActivity } from '../lead-store';
import { LogActivityCommand } from './log-activity.command';

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

@CommandHandler(LogActivityCommand)
export class LogActivityHandler extends TenantCommandHandler<LogActivityCommand, ActivityView> {
  protected async handle(command: LogActivityCommand, tx: TenantTx): Promise<ActivityView> {
    const lead = await loadLead(tx, command.leadId);
    const input = command.input;
    const at = input.occurredAt !== undefined ? new Date(input.occurredAt) : new Date();
    if (Number.isNaN(at.getTime()) || at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw fieldProblem('occurredAt', 'occurredAt must be an ISO 8601 time, not in the future');
    const data =
      input.type === 'note'
        ? { text: input.text }
        : { direction: input.direction, durationSeconds: input.durationSeconds, outcome: input.outcome, ...(input.text !== undefined ? { text: input.text } : {}) };
    const activity = await recordActivity(tx, lead, input.type, data, at);
    tx.publish(new LeadActivityLogged(tx.context, { leadId: lead.id, activityId: activity.id, type: activity.type }));
    tx.audit({ action: `activity.${input.type}_logged`, entityType: 'lead', entityId: lead.id, after: { activityId: activity.id, type: input.type } });
    return toActivityView(activity);
  }
}
