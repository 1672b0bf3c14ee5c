import { CommandHandler } from '@nestjs/cqrs';
import { refuseNulls, staleProblem, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Contact } from '../../domain/contact.entity';
import { ContactUpdated } from '../../events/contact-updated.event';
import { identitiesOf, loadContact, normaliseContactInput, replaceIdentities, requireSomethingToKnowThemBy } from '../contact-input';
import { ContactView, toContactView } from '../contact.view';
import { UpdateContactCommand } from './update-contact.command';

@CommandHandler(UpdateContactCommand)
export class UpdateContactHandler extends TenantCommandHandler<UpdateContactCommand, ContactView> {
  protected async handle(command: UpdateContactCommand, tx: TenantTx): Promise<ContactView> {
    const before = await loadContact(tx, command.contactId);
    if (command.expectedVersion !== undefined && command.expectedVersion !== before.version) throw staleProblem('contact');
    refuseNulls(command.changes, ['identities']);
    const { identities, ...rest } = command.changes;
    const fields = normaliseContactInput(rest);
    requireSomethingToKnowThemBy({ ...before, ...fields }, identities ?? (await identitiesOf(tx, before.id)));
    // The version in the WHERE makes check and write one step: of racing writers with one ETag, one wins.
    const updated = await tx.repository(Contact).update({ id: before.id, version: before.version }, { ...fields, version: before.version + 1, updatedAt: new Date() });
    if (updated !== 1) throw staleProblem('contact');
    if (identities !== undefined) await replaceIdentities(tx, before.id, identities);
    const after = (await tx.repository(Contact).findOne({ id: before.id })) as Contact;
    const changed = [...Object.keys(fields), ...(identities !== undefined ? ['identities'] : [])];
    tx.publish(new ContactUpdated(tx.context, { contactId: before.id, changed }));
    tx.audit({
      action: 'contact.updated',
      entityType: 'contact',
      entityId: before.id,
      before: Object.fromEntries(Object.keys(fields).map((key) => [key, before[key as keyof Contact]])),
      after: { ...fields, ...(identities !== undefined ? { identities } : {}) },
    });
    return toContactView(after, await identitiesOf(tx, before.id));
  }
}
