import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Activity } from '../../domain/activity.entity';
import { ContactIdentity } from '../../domain/contact-identity.entity';
import { Contact } from '../../domain/contact.entity';
import { fieldProblem } from '../../domain/crm-problems';
import { Lead } from '../../domain/lead.entity';
import { ContactsMerged } from '../../events/contacts-merged.event';
import { identitiesOf, loadContact } from '../contact-input';
import { ContactView, toContactView } from '../contact.view';
import { MergeContactsCommand } from './merge-contacts.command';

/**
 * Merges a duplicate (source) into a contact (target) in one unit of work: leads, activities and
 * identities move to the target, the target keeps its own values and takes the source's where it
 * has none, both timelines record the merge, and the source is deleted, pointing at the target.
 */
@CommandHandler(MergeContactsCommand)
export class MergeContactsHandler extends TenantCommandHandler<MergeContactsCommand, ContactView> {
  protected async handle(command: MergeContactsCommand, tx: TenantTx): Promise<ContactView> {
    if (command.targetId === command.sourceId) throw fieldProblem('sourceId', 'A contact cannot be merged into itself');
    const target = await loadContact(tx, command.targetId);
    const source = await loadContact(tx, command.sourceId);
    const now = new Date();
    const leads = await tx.repository(Lead).find({ where: { contactId: source.id }, select: { tenantId: true, id: true } });
    await tx.repository(Lead).update({ contactId: source.id }, { contactId: target.id, updatedAt: now });
    await tx.repository(Activity).update({ contactId: source.id }, { contactId: target.id });
    await tx.repository(ContactIdentity).update({ contactId: source.id }, { contactId: target.id });
    const filled = {
      name: target.name ?? source.name,
      email: target.email ?? source.email,
      phone: target.phone ?? source.phone,
      locale: target.locale ?? source.locale,
      attributes: { ...source.attributes, ...target.attributes },
    };
    await tx.repository(Contact).update({ id: target.id }, { ...filled, version: target.version + 1, updatedAt: now });
    await tx.repository(Contact).update({ id: source.id }, { mergedIntoId: target.id, deletedAt: now, updatedAt: now, version: source.version + 1 });
    const actor = { actorType: tx.context.actor.type, actorId: tx.context.actor.id, createdAt: now };
    await tx.repository(Activity).insert([
      { id: newId(), leadId: null, contactId: target.id, type: 'merge', data: { role: 'target', sourceId: source.id, sourceName: source.name, movedLeadIds: leads.map((lead) => lead.id) }, ...actor },
      { id: newId(), leadId: null, contactId: source.id, type: 'merge', data: { role: 'source', targetId: target.id, targetName: target.name }, ...actor },
    ]);
    const leadIds = leads.map((lead) => lead.id);
    tx.publish(new ContactsMerged(tx.context, { targetId: target.id, sourceId: source.id, leadIds }));
    tx.audit({ action: 'contact.merged', entityType: 'contact', entityId: target.id, before: { sourceId: source.id }, after: { ...filled, movedLeadIds: leadIds } });
    return toContactView((await tx.repository(Contact).findOne({ id: target.id })) as Contact, await identitiesOf(tx, target.id));
  }
}
