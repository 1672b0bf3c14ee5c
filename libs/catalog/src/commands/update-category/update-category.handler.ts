import { CommandHandler } from '@nestjs/cqrs';
import { Not } from 'typeorm';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { ProductCategory } from '../../domain/product-category.entity';
import { load, uniquely } from '../catalog-store';
import { CategoryView, toCategoryView } from '../category.view';
import { categoryNameTaken } from '../create-category/create-category.handler';
import { UpdateCategoryCommand } from './update-category.command';

@CommandHandler(UpdateCategoryCommand)
export class UpdateCategoryHandler extends TenantCommandHandler<UpdateCategoryCommand, CategoryView> {
  protected async handle(command: UpdateCategoryCommand, tx: TenantTx): Promise<CategoryView> {
    const { changes } = command;
    refuseNulls(changes, ['name', 'active']);
    const before = await load(tx, ProductCategory, command.categoryId);
    const name = changes.name ?? before.name;
    const key = nameKey(name);
    if (key !== before.nameKey && (await tx.repository(ProductCategory).exists({ nameKey: key, id: Not(before.id) }))) throw nameTaken('name', categoryNameTaken(name));
    const after: ProductCategory = {
      ...before,
      name,
      nameKey: key,
      description: changes.description !== undefined ? changes.description || null : before.description,
      active: changes.active ?? before.active,
      updatedAt: new Date(),
    };
    await uniquely(
      () => tx.repository(ProductCategory).update({ id: before.id }, { name, nameKey: key, description: after.description, active: after.active, updatedAt: after.updatedAt }),
      'name',
      categoryNameTaken(name),
    );
    tx.audit({
      action: 'product_category.updated',
      entityType: 'product_category',
      entityId: before.id,
      before: { name: before.name, description: before.description, active: before.active },
      after: { name: after.name, description: after.description, active: after.active },
    });
    return toCategoryView(after);
  }
}
