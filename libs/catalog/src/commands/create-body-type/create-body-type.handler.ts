import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { BodyType } from '../../domain/body-type.entity';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { BodyTypeView, toBodyTypeView } from '../body-type.view';
import { uniquely } from '../catalog-store';
import { CreateBodyTypeCommand } from './create-body-type.command';

export const bodyTypeNameTaken = (name: string) => `A body type named "${name}" already exists`;

@CommandHandler(CreateBodyTypeCommand)
export class CreateBodyTypeHandler extends TenantCommandHandler<CreateBodyTypeCommand, BodyTypeView> {
  protected async handle(command: CreateBodyTypeCommand, tx: TenantTx): Promise<BodyTypeView> {
    const { name } = command.input;
    const key = nameKey(name);
    if (await tx.repository(BodyType).exists({ nameKey: key })) throw nameTaken('name', bodyTypeNameTaken(name));
    const bodyType: BodyType = { tenantId: tx.tenantId, id: newId(), name, nameKey: key, createdAt: new Date() };
    await uniquely(() => tx.repository(BodyType).insert(bodyType), 'name', bodyTypeNameTaken(name));
    tx.audit({ action: 'body_type.created', entityType: 'body_type', entityId: bodyType.id, after: { name } });
    return toBodyTypeView(bodyType);
  }
}
