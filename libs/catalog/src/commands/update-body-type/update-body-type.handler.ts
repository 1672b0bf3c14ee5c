import { CommandHandler } from '@nestjs/cqrs';
import { Not } from 'typeorm';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { BodyType } from '../../domain/body-type.entity';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { BodyTypeView, toBodyTypeView } from '../body-type.view';
import { load, uniquely } from '../catalog-store';
import { bodyTypeNameTaken } from '../create-body-type/create-body-type.handler';
import { UpdateBodyTypeCommand } from './update-body-type.command';

@CommandHandler(UpdateBodyTypeCommand)
export class UpdateBodyTypeHandler extends TenantCommandHandler<UpdateBodyTypeCommand, BodyTypeView> {
  protected async handle(command: UpdateBodyTypeCommand, tx: TenantTx): Promise<BodyTypeView> {
    refuseNulls(command.changes, ['name']);
    const before = await load(tx, BodyType, command.bodyTypeId);
    const name = command.changes.name ?? before.name;
    const key = nameKey(name);
    if (key !== before.nameKey && (await tx.repository(BodyType).exists({ nameKey: key, id: Not(before.id) }))) throw nameTaken('name', bodyTypeNameTaken(name));
    await uniquely(() => tx.repository(BodyType).update({ id: before.id }, { name, nameKey: key }), 'name', bodyTypeNameTaken(name));
    tx.audit({ action: 'body_type.updated', entityType: 'body_type', entityId: before.id, before: { name: before.name }, after: { name } });
    return toBodyTypeView({ ...before, name, nameKey: key });
  }
}
