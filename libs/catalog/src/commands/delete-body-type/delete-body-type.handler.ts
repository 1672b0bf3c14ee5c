import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { BasePrice } from '../../domain/base-price.entity';
import { BodyType } from '../../domain/body-type.entity';
import { inUse, notFound } from '../../domain/catalog-problems';
import { Model } from '../../domain/model.entity';
import { DeleteBodyTypeCommand } from './delete-body-type.command';

@CommandHandler(DeleteBodyTypeCommand)
export class DeleteBodyTypeHandler extends TenantCommandHandler<DeleteBodyTypeCommand, void> {
  protected async handle(command: DeleteBodyTypeCommand, tx: TenantTx): Promise<void> {
    const bodyType = await tx.repository(BodyType).lockOne({ id: command.bodyTypeId });
    if (bodyType === null) throw notFound('body type');
    const models = await tx.repository(Model).count({ bodyTypeId: bodyType.id });
    if (models > 0) throw inUse('body-type-in-use', `${models} model${models === 1 ? ' has' : 's have'} this body type; change them first`);
    if (await tx.repository(BasePrice).exists({ bodyTypeId: bodyType.id })) throw inUse('body-type-in-use', 'This body type has prices, which past quotes rely on; it cannot be deleted');
    await tx.repository(BodyType).delete({ id: bodyType.id });
    tx.audit({ action: 'body_type.deleted', entityType: 'body_type', entityId: bodyType.id, before: { name: bodyType.name } });
  }
}
