import { CommandHandler } from '@nestjs/cqrs';
import { newId, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Brand } from '../../domain/brand.entity';
import { nameTaken } from '../../domain/catalog-problems';
import { cleanAliases, nameKey } from '../../domain/names';
import { BrandView, toBrandView } from '../brand.view';
import { uniquely } from '../catalog-store';
import { CreateBrandCommand } from './create-brand.command';

export const brandNameTaken = (name: string) => `A brand named "${name}" already exists`;

@CommandHandler(CreateBrandCommand)
export class CreateBrandHandler extends TenantCommandHandler<CreateBrandCommand, BrandView> {
  protected async handle(command: CreateBrandCommand, tx: TenantTx): Promise<BrandView> {
    const { name } = command.input;
    const key = nameKey(name);
    if (await tx.repository(Brand).exists({ nameKey: key })) throw nameTaken('name', brandNameTaken(name));
    const now = new Date();
    const brand: Brand = { tenantId: tx.tenantId, id: newId(), name, nameKey: key, aliases: cleanAliases(command.input.aliases ?? [], name), createdAt: now, updatedAt: now };
    await uniquely(() => tx.repository(Brand).insert(brand), 'name', brandNameTaken(name));
    tx.audit({ action: 'brand.created', entityType: 'brand', entityId: brand.id, after: { name: brand.name, aliases: brand.aliases } });
    return toBrandView(brand);
  }
}
