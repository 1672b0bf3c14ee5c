import { CommandHandler } from '@nestjs/cqrs';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { BodyType } from '../../domain/body-type.entity';
import { Brand } from '../../domain/brand.entity';
import { Model } from '../../domain/model.entity';
import { cleanAliases, nameKey } from '../../domain/names';
import { load, reference, rewriteModelTerms, uniquely } from '../catalog-store';
import { checkModelName, checkYears, modelNameTaken } from '../model-rules';
import { ModelView, toModelView } from '../model.view';
import { UpdateModelCommand } from './update-model.command';

@CommandHandler(UpdateModelCommand)
export class UpdateModelHandler extends TenantCommandHandler<UpdateModelCommand, ModelView> {
  protected async handle(command: UpdateModelCommand, tx: TenantTx): Promise<ModelView> {
    const { changes } = command;
    refuseNulls(changes, ['brandId', 'name', 'aliases', 'bodyTypeId']);
    const before = await load(tx, Model, command.modelId);
    const brand = changes.brandId !== undefined ? await reference(tx, Brand, changes.brandId, 'brandId') : await load(tx, Brand, before.brandId);
    const bodyType = changes.bodyTypeId !== undefined ? await reference(tx, BodyType, changes.bodyTypeId, 'bodyTypeId') : await load(tx, BodyType, before.bodyTypeId);
    const name = changes.name ?? before.name;
    const after: Model = {
      ...before,
      brandId: brand.id,
      name,
      nameKey: nameKey(name),
      aliases: cleanAliases(changes.aliases ?? before.aliases, name),
      bodyTypeId: bodyType.id,
      yearFrom: changes.yearFrom !== undefined ? changes.yearFrom : before.yearFrom,
      yearTo: changes.yearTo !== undefined ? changes.yearTo : before.yearTo,
      updatedAt: new Date(),
    };
    checkYears(after.yearFrom, after.yearTo);
    if (after.brandId !== before.brandId || after.nameKey !== before.nameKey) await checkModelName(tx, brand.id, after.nameKey, modelNameTaken(name, brand.name), before.id);
    const { tenantId: _tenantId, id: _id, brand: _brand, bodyType: _bodyType, ...columns } = after;
    await uniquely(() => tx.repository(Model).update({ id: before.id }, columns), 'name', modelNameTaken(name, brand.name));
    if (after.brandId !== before.brandId || after.name !== before.name || JSON.stringify(after.aliases) !== JSON.stringify(before.aliases)) {
      await rewriteModelTerms(tx, [after], new Map([[brand.id, brand]]));
    }
    const fields = ['brandId', 'name', 'aliases', 'bodyTypeId', 'yearFrom', 'yearTo'] as const;
    const changed = fields.filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]));
    tx.audit({
      action: 'model.updated',
      entityType: 'model',
      entityId: before.id,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, after[field]])),
    });
    return toModelView(after, brand, bodyType);
  }
}
