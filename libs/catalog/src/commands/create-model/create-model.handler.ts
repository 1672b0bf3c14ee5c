import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { BodyType } from '../../domain/body-type.entity';
import { Brand } from '../../domain/brand.entity';
import { Model } from '../../domain/model.entity';
import { cleanAliases, nameKey } from '../../domain/names';
import { reference, rewriteModelTerms, uniquely } from '../catalog-store';
import { checkModelName, checkYears, modelNameTaken } from '../model-rules';
import { ModelView, toModelView } from '../model.view';
import { CreateModelCommand } from './create-model.command';

@CommandHandler(CreateModelCommand)
export class CreateModelHandler extends TenantCommandHandler<CreateModelCommand, ModelView> {
  protected async handle(command: CreateModelCommand, tx: TenantTx): Promise<ModelView> {
    const { input } = command;
    const brand = await reference(tx, Brand, input.brandId, 'brandId');
    const bodyType = await reference(tx, BodyType, input.bodyTypeId, 'bodyTypeId');
    const yearFrom = input.yearFrom ?? null;
    const yearTo = input.yearTo ?? null;
    checkYears(yearFrom, yearTo);
    const key = nameKey(input.name);
    await checkModelName(tx, brand.id, key, modelNameTaken(input.name, brand.name));
    const now = new Date();
    const model: Model = {
      tenantId: tx.tenantId,
      id: newId(),
      brandId: brand.id,
      name: input.name,
      nameKey: key,
      aliases: cleanAliases(input.aliases ?? [], input.name),
      bodyTypeId: bodyType.id,
      yearFrom,
      yearTo,
      createdAt: now,
      updatedAt: now,
    };
    await uniquely(() => tx.repository(Model).insert(model), 'name', modelNameTaken(input.name, brand.name));
    await rewriteModelTerms(tx, [model], new Map([[brand.id, brand]]));
    tx.audit({ action: 'model.created', entityType: 'model', entityId: model.id, after: { brandId: brand.id, name: model.name, aliases: model.aliases, bodyTypeId: bodyType.id, yearFrom, yearTo } });
    return toModelView(model, brand, bodyType);
  }
}
