import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { ModelPrice } from '../../domain/model-price.entity';
import { Model } from '../../domain/model.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { reference } from '../catalog-store';
import { addPrice } from '../price-store';
import { ModelPriceView, toModelPriceView } from '../price.view';
import { AddModelPriceCommand } from './add-model-price.command';

@CommandHandler(AddModelPriceCommand)
export class AddModelPriceHandler extends TenantCommandHandler<AddModelPriceCommand, ModelPriceView> {
  protected async handle(command: AddModelPriceCommand, tx: TenantTx): Promise<ModelPriceView> {
    const model = await reference(tx, Model, command.input.modelId, 'modelId');
    const category = await reference(tx, ProductCategory, command.input.categoryId, 'categoryId');
    const row = await addPrice(tx, ModelPrice, { modelId: model.id, categoryId: category.id }, command.input);
    tx.audit({ action: 'model_price.added', entityType: 'model_price', entityId: row.id, after: { modelId: row.modelId, categoryId: row.categoryId, amountMinor: row.amountMinor, currency: row.currency, validFrom: row.validFrom.toISOString() } });
    return toModelPriceView(row);
  }
}
