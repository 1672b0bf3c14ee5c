import { CommandHandler } from '@nestjs/cqrs';
import { Not } from 'typeorm';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { nameTaken } from '../../domain/catalog-problems';
import { nameKey } from '../../domain/names';
import { ProductCategory } from '../../domain/product-category.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { load, uniquely } from '../catalog-store';
import { optionNameTaken } from '../create-option/create-option.handler';
import { OptionView, toOptionView } from '../option.view';
import { UpdateOptionCommand } from './update-option.command';

@CommandHandler(UpdateOptionCommand)
export class UpdateOptionHandler extends TenantCommandHandler<UpdateOptionCommand, OptionView> {
  protected async handle(command: UpdateOptionCommand, tx: TenantTx): Promise<OptionView> {
    const { changes } = command;
    refuseNulls(changes, ['name']);
    const before = await load(tx, ProductOption, command.optionId);
    const name = changes.name ?? before.name;
    const key = nameKey(name);
    if (key !== before.nameKey && (await tx.repository(ProductOption).exists({ categoryId: before.categoryId, nameKey: key, id: Not(before.id) }))) {
      throw nameTaken('name', optionNameTaken(name, (await load(tx, ProductCategory, before.categoryId)).name));
    }
    const after: ProductOption = { ...before, name, nameKey: key, description: changes.description !== undefined ? changes.description || null : before.description, updatedAt: new Date() };
    await uniquely(() => tx.repository(ProductOption).update({ id: before.id }, { name, nameKey: key, description: after.description, updatedAt: after.updatedAt }), 'name', `The category already has an option named "${name}"`);
    tx.audit({ action: 'product_option.updated', entityType: 'product_option', entityId: before.id, before: { name: before.name, description: before.description }, after: { name, description: after.description } });
    return toOptionView(after);
  }
}
