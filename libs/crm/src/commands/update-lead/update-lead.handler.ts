import { CommandHandler } from '@nestjs/cqrs';
import { refuseNulls, staleProblem, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Lead } from '../../domain/lead.entity';
import { LeadUpdated } from '../../events/lead-updated.event';
import { loadContact } from '../contact-input';
import { leadView, loadLeadToChange, normaliseTags, writeTags } from '../lead-store';
import { LeadView } from '../lead.view';
import { UpdateLeadCommand } from './update-lead.command';

@CommandHandler(UpdateLeadCommand)
export class UpdateLeadHandler extends TenantCommandHandler<UpdateLeadCommand, LeadView> {
  protected async handle(command: UpdateLeadCommand, tx: TenantTx): Promise<LeadView> {
    const before = await loadLeadToChange(tx, command.leadId, command.caller);
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw staleProblem('lead');
    refuseNulls(command.changes, ['contactId', 'title', 'valueMinor', 'currency', 'tags']);
    const changes: Partial<Lead> = Object.fromEntries(Object.entries(command.changes).filter(([, value]) => value !== undefined));
    if (changes.contactId !== undefined) await loadContact(tx, changes.contactId);
    if (changes.title !== undefined) changes.title = changes.title.trim();
    if (changes.tags !== undefined) changes.tags = normaliseTags(changes.tags);
    // The version in the WHERE makes check and write one step: of racing writers with one ETag, one wins.
    const updated = await tx.repository(Lead).update({ id: before.id, version: before.version }, { ...changes, version: before.version + 1, updatedAt: new Date() });
    if (updated !== 1) throw staleProblem('lead');
    if (changes.tags !== undefined) await writeTags(tx, before.id, changes.tags, true);
    const changed = Object.keys(changes);
    tx.publish(new LeadUpdated(tx.context, { leadId: before.id, changed }));
    tx.audit({
      action: 'lead.updated',
      entityType: 'lead',
      entityId: before.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key as keyof Lead]])),
      after: changes,
    });
    return leadView(tx, before.id);
  }
}
