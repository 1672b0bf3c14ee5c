import { requireActiveMember } from '@saler/identity';
import { CommandHandler, QueryBus } from '@nestjs/cqrs';
import { abilityOf, assertCan, TenantCommandHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { Lead } from '../../domain/lead.entity';
import { LeadAssigned } from '../../events/lead-assigned.event';
import { leadView, loadLeadToChange, recordActivity } from '../lead-store';
import { LeadView } from '../lead.view';
import { AssignLeadCommand } from './assign-lead.command';

/**
 * Managers and above assign any lead to anyone. An agent may claim an unassigned lead or let go of
 * their own: the lead must be theirs to change before, and still theirs (or nobody's) after.
 */
@CommandHandler(AssignLeadCommand)
export class AssignLeadHandler extends TenantCommandHandler<AssignLeadCommand, LeadView> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly queryBus: QueryBus,
  ) {
    super(unitOfWork);
  }

  protected async handle(command: AssignLeadCommand, tx: TenantTx): Promise<LeadView> {
    const lead = await loadLeadToChange(tx, command.leadId, command.caller);
    assertCan(abilityOf(tx, command.caller), 'update', 'Lead', { assigneeId: command.assigneeId });
    if (command.assigneeId === lead.assigneeId) return leadView(tx, lead.id);
    if (command.assigneeId !== null) await requireActiveMember(this.queryBus, tx.context, command.assigneeId);
    await tx.repository(Lead).update({ id: lead.id }, { assigneeId: command.assigneeId, version: lead.version + 1, updatedAt: new Date() });
    await recordActivity(tx, lead, 'assignment', { fromAssigneeId: lead.assigneeId, toAssigneeId: command.assigneeId });
    tx.publish(new LeadAssigned(tx.context, { leadId: lead.id, fromAssigneeId: lead.assigneeId, toAssigneeId: command.assigneeId }));
    tx.audit({ action: 'lead.assigned', entityType: 'lead', entityId: lead.id, before: { assigneeId: lead.assigneeId }, after: { assigneeId: command.assigneeId } });
    return leadView(tx, lead.id);
  }
}
