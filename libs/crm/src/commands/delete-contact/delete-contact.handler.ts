import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { ContactIdentity } from '../../domain/contact-identity.entity';
import { Contact } from '../../domain/contact.entity';
import { ContactDeleted } from '../../events/contact-deleted.event';
import { loadContact } from '../contact-input';
import { DeleteContactCommand } from './delete-contact.command';

@CommandHandler(DeleteContactCommand)
export class DeleteContactHandler extends TenantCommandHandler<DeleteContactCommand, void> {
  protected async handle(command: DeleteContactCommand, tx: TenantTx): Promise<void> {
    const contact = await loadContact(tx, command.contactId);
    const now = new Date();
    await tx.repository(Contact).update({ id: contact.id }, { deletedAt: now, updatedAt: now, version: contact.version + 1 });
    // Its platform ids are released, so a new conversation from that user starts a new contact.
    await tx.repository(ContactIdentity).delete({ contactId: contact.id });
    tx.publish(new ContactDeleted(tx.context, { contactId: contact.id }));
    tx.audit({ action: 'contact.deleted', entityType: 'contact', entityId: contact.id, before: { name: contact.name, email: contact.email, phone: contact.phone } });
  }
}
