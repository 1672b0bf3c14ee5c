import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { BasePrice } from '../../domain/base-price.entity';
import { inUse, notFound } from '../../domain/catalog-problems';
import { ModelPrice } from '../../domain/model-price.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { DeleteCategoryCommand } from './delete-category.command';

@CommandHandler(DeleteCategoryCommand)
export class DeleteCategoryHandler extends TenantCommandHandler<DeleteCategoryCommand, void> {
  protected async handle(command: DeleteCategoryCommand, tx: TenantTx): Promise<void> {
    const category = await tx.repository(ProductCategory).lockOne({ id: command.categoryId });
    if (category === null) throw notFound('category');
    const options = await tx.repository(ProductOption).count({ categoryId: category.id });
    if (options > 0) throw inUse('category-in-use', `This category has ${options} option${options === 1 ? '' : 's'}; delete them first, or set active to false`);
    if ((await tx.repository(BasePrice).exists({ categoryId: category.id })) || (await tx.repository(ModelPrice).exists({ categoryId: category.id }))) {
      throw inUse('category-in-use', 'This category has prices, which past quotes rely on; set active to false instead');
    }
    await tx.repository(ProductCategory).delete({ id: category.id });
    tx.audit({ action: 'product_category.deleted', entityType: 'product_category', entityId: category.id, before: { name: category.name, description: category.description, active: category.active } });
  }
}
