import { CommandHandler } from '@nestjs/cqrs';
import { Not } from 'typeorm';
import { refuseNulls, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Brand } from '../../domain/brand.entity';
import { nameTaken } from '../../domain/catalog-problems';
import { cleanAliases, nameKey } from '../../domain/names';
import { BrandView, toBrandView } from '../brand.view';
import { load, rewriteBrandTerms, uniquely } from '../catalog-store';
import { brandNameTaken } from '../create-brand/create-brand.handler';
import { UpdateBrandCommand } from './update-brand.command';

/** A new name or new aliases rewrite the search terms of all the brand's models. */
@CommandHandler(UpdateBrandCommand)
export class UpdateBrandHandler extends TenantCommandHandler<UpdateBrandCommand, BrandView> {
  protected async handle(command: UpdateBrandCommand, tx: TenantTx): Promise<BrandView> {
    refuseNulls(command.changes, ['name', 'aliases']);
    const before = await load(tx, Brand, command.brandId);
    const name = command.changes.name ?? before.name;
    const key = nameKey(name);
    if (key !== before.nameKey && (await tx.repository(Brand).exists({ nameKey: key, id: Not(before.id) }))) throw nameTaken('name', brandNameTaken(name));
    const after: Brand = { ...before, name, nameKey: key, aliases: cleanAliases(command.changes.aliases ?? before.aliases, name), updatedAt: new Date() };
    await uniquely(() => tx.repository(Brand).update({ id: before.id }, { name: after.name, nameKey: key, aliases: after.aliases, updatedAt: after.updatedAt }), 'name', brandNameTaken(name));
    if (after.name !== before.name || JSON.stringify(after.aliases) !== JSON.stringify(before.aliases)) await rewriteBrandTerms(tx, after);
    tx.audit({ action: 'brand.updated', entityType: 'brand', entityId: before.id, before: { name: before.name, aliases: before.aliases }, after: { name: after.name, aliases: after.aliases } });
    return toBrandView(after);
  }
}
