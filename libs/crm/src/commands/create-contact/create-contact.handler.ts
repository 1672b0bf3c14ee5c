import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { identitiesOf, insertContact, normaliseContactInput, requireSomethingToKnowThemBy } from '../contact-input';
import { ContactView, toContactView } from '../contact.view';
import { CreateContactCommand } from './create-contact.command';

@CommandHandler(CreateContactCommand)
export class CreateContactHandler extends TenantCommandHandler<CreateContactCommand, ContactView> {
  protected async handle(command: CreateContactCommand, tx: TenantTx): Promise<ContactView> {
    const fields = normaliseContactInput(command.input);
    requireSomethingToKnowThemBy(fields, command.input.identities);
    const contact = await insertContact(tx, fields, command.input.identities);
    return toContactView(contact, await identitiesOf(tx, contact.id));
  }
}
