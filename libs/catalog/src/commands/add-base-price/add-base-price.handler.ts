import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { BasePrice } from '../../domain/base-price.entity';
import { BodyType } from '../../domain/body-type.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { reference } from '../catalog-store';
import { addPrice } from '../price-store';
import { BasePriceView, toBasePriceView } from '../price.view';
import { AddBasePriceCommand } from './add-base-price.command';

@CommandHandler(AddBasePriceCommand)
export class AddBasePriceHandler extends TenantCommandHandler<AddBasePriceCommand, BasePriceView> {
  protected async handle(command: AddBasePriceCommand, tx: TenantTx): Promise<BasePriceView> {
    const category = await reference(tx, ProductCategory, command.input.categoryId, 'categoryId');
    const bodyType = await reference(tx, BodyType, command.input.bodyTypeId, 'bodyTypeId');
    const row = await addPrice(tx, BasePrice, { categoryId: category.id, bodyTypeId: bodyType.id }, command.input);
    tx.audit({ action: 'base_price.added', entityType: 'base_price', entityId: row.id, after: { categoryId: row.categoryId, bodyTypeId: row.bodyTypeId, amountMinor: row.amountMinor, currency: row.currency, validFrom: row.validFrom.toISOString() } });
    return toBasePriceView(row);
  }
}
