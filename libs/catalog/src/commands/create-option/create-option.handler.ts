import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { ProductCategory } from '../../domain/product-category.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { reference, uniquely } from '../catalog-store';
import { OptionView, toOptionView } from '../option.view';
import { CreateOptionCommand } from './create-option.command';

export const optionNameTaken = (name: string, category: string) => `${category} already has an option named "${name}"`;

@CommandHandler(CreateOptionCommand)
export class CreateOptionHandler extends TenantCommandHandler<CreateOptionCommand, OptionView> {
  protected async handle(command: CreateOptionCommand, tx: TenantTx): Promise<OptionView> {
    const { input } = command;
    const category = await reference(tx, ProductCategory, input.categoryId, 'categoryId');
    const key = nameKey(input.name);
    if (await tx.repository(ProductOption).exists({ categoryId: category.id, nameKey: key })) throw nameTaken('name', optionNameTaken(input.name, category.name));
    const now = new Date();
    const option: ProductOption = { tenantId: tx.tenantId, id: newId(), categoryId: category.id, name: input.name, nameKey: key, description: input.description || null, createdAt: now, updatedAt: now };
    await uniquely(() => tx.repository(ProductOption).insert(option), 'name', optionNameTaken(input.name, category.name));
    tx.audit({ action: 'product_option.created', entityType: 'product_option', entityId: option.id, after: { categoryId: category.id, name: option.name, description: option.description } });
    return toOptionView(option);
  }
}
