import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { inUse, notFound } from '../../domain/catalog-problems';
import { OptionPrice } from '../../domain/option-price.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { DeleteOptionCommand } from './delete-option.command';

@CommandHandler(DeleteOptionCommand)
export class DeleteOptionHandler extends TenantCommandHandler<DeleteOptionCommand, void> {
  protected async handle(command: DeleteOptionCommand, tx: TenantTx): Promise<void> {
    const option = await tx.repository(ProductOption).lockOne({ id: command.optionId });
    if (option === null) throw notFound('option');
    if (await tx.repository(OptionPrice).exists({ optionId: option.id })) throw inUse('option-has-prices', 'This option has prices, which past quotes rely on; it cannot be deleted');
    await tx.repository(ProductOption).delete({ id: option.id });
    tx.audit({ action: 'product_option.deleted', entityType: 'product_option', entityId: option.id, before: { categoryId: option.categoryId, name: option.name, description: option.description } });
  }
}
