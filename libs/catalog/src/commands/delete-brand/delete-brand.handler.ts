import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { Brand } from '../../domain/brand.entity';
import { inUse, notFound } from '../../domain/catalog-problems';
import { Model } from '../../domain/model.entity';
import { DeleteBrandCommand } from './delete-brand.command';

/**
 * The row lock makes the check and the delete one step: a model being added to the brand holds a
 * key-share lock on it (its foreign key) until it commits, so the count below sees that model.
 */
@CommandHandler(DeleteBrandCommand)
export class DeleteBrandHandler extends TenantCommandHandler<DeleteBrandCommand, void> {
  protected async handle(command: DeleteBrandCommand, tx: TenantTx): Promise<void> {
    const brand = await tx.repository(Brand).lockOne({ id: command.brandId });
    if (brand === null) throw notFound('brand');
    const models = await tx.repository(Model).count({ brandId: brand.id });
    if (models > 0) throw inUse('brand-has-models', `This brand has ${models} model${models === 1 ? '' : 's'}; delete them or move them to another brand first`);
    await tx.repository(Brand).delete({ id: brand.id });
    tx.audit({ action: 'brand.deleted', entityType: 'brand', entityId: brand.id, before: { name: brand.name, aliases: brand.aliases } });
  }
}
