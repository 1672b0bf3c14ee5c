import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { inUse, notFound } from '../../domain/catalog-problems';
import { ModelPrice } from '../../domain/model-price.entity';
import { Model } from '../../domain/model.entity';
import { DeleteModelCommand } from './delete-model.command';

@CommandHandler(DeleteModelCommand)
export class DeleteModelHandler extends TenantCommandHandler<DeleteModelCommand, void> {
  protected async handle(command: DeleteModelCommand, tx: TenantTx): Promise<void> {
    const model = await tx.repository(Model).lockOne({ id: command.modelId });
    if (model === null) throw notFound('model');
    if (await tx.repository(ModelPrice).exists({ modelId: model.id })) throw inUse('model-has-prices', 'This model has its own prices, which past quotes rely on; it cannot be deleted');
    // Its search terms and availability marks go with it (ON DELETE CASCADE).
    await tx.repository(Model).delete({ id: model.id });
    tx.audit({ action: 'model.deleted', entityType: 'model', entityId: model.id, before: { brandId: model.brandId, name: model.name, aliases: model.aliases, bodyTypeId: model.bodyTypeId } });
  }
}
