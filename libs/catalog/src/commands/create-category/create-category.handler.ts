import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { ProductCategory } from '../../domain/product-category.entity';
import { uniquely } from '../catalog-store';
import { CategoryView, toCategoryView } from '../category.view';
import { CreateCategoryCommand } from './create-category.command';

export const categoryNameTaken = (name: string) => `A category named "${name}" already exists`;

@CommandHandler(CreateCategoryCommand)
export class CreateCategoryHandler extends TenantCommandHandler<CreateCategoryCommand, CategoryView> {
  protected async handle(command: CreateCategoryCommand, tx: TenantTx): Promise<CategoryView> {
    const { name } = command.input;
    const key = nameKey(name);
    if (await tx.repository(ProductCategory).exists({ nameKey: key })) throw nameTaken('name', categoryNameTaken(name));
    const now = new Date();
    const category: ProductCategory = {
      tenantId: tx.tenantId,
      id: newId(),
      name,
      nameKey: key,
      description: command.input.description || null,
      active: command.input.active ?? true,
      createdAt: now,
      updatedAt: now,
    };
    await uniquely(() => tx.repository(ProductCategory).insert(category), 'name', categoryNameTaken(name));
    tx.audit({ action: 'product_category.created', entityType: 'product_category', entityId: category.id, after: { name, description: category.description, active: category.active } });
    return toCategoryView(category);
  }
}
