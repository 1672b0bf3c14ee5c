import { CommandHandler } from '@nestjs/cqrs';
import { HttpStatus } from '@nestjs/common';
import { isUniqueViolation, newId, ProblemException, TenantCommandHandler, TenantTx } from '@saler/platform';
import { Availability } from '../../domain/availability.entity';
import { Model } from '../../domain/model.entity';
import { ProductCategory } from '../../domain/product-category.entity';
import { AvailabilityView, toAvailabilityView } from '../availability.view';
import { reference } from '../catalog-store';
import { SetAvailabilityCommand } from './set-availability.command';

@CommandHandler(SetAvailabilityCommand)
export class SetAvailabilityHandler extends TenantCommandHandler<SetAvailabilityCommand, AvailabilityView> {
  protected async handle(command: SetAvailabilityCommand, tx: TenantTx): Promise<AvailabilityView> {
    const model = await reference(tx, Model, command.input.modelId, 'modelId');
    const category = await reference(tx, ProductCategory, command.input.categoryId, 'categoryId');
    const values = { available: command.input.available, note: command.input.note || null, updatedAt: new Date() };
    const repository = tx.repository(Availability);
    const before = await repository.lockOne({ modelId: model.id, categoryId: category.id });
    let row: Availability;
    if (before !== null) {
      await repository.update({ id: before.id }, values);
      row = { ...before, ...values };
    } else {
      row = { tenantId: tx.tenantId, id: newId(), modelId: model.id, categoryId: category.id, ...values };
      try {
        await repository.insert(row);
      } catch (error) {
        // Two first marks of one pair raced; the unique index let one in. A retry updates it.
        if (isUniqueViolation(error)) throw new ProblemException(HttpStatus.CONFLICT, 'concurrent-update', 'The availability of this pair was set by another request at the same moment; retry');
        throw error;
      }
    }
    tx.audit({
      action: 'availability.set',
      entityType: 'availability',
      entityId: row.id,
      before: before === null ? undefined : { available: before.available, note: before.note },
      after: { modelId: model.id, categoryId: category.id, available: row.available, note: row.note },
    });
    return toAvailabilityView(row);
  }
}
