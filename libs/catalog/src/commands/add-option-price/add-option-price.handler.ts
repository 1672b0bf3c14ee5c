import { CommandHandler } from '@nestjs/cqrs';
import { TenantCommandHandler, TenantTx } from '@saler/platform';
import { OptionPrice } from '../../domain/option-price.entity';
import { ProductOption } from '../../domain/product-option.entity';
import { reference } from '../catalog-store';
import { addPrice } from '../price-store';
import { OptionPriceView, toOptionPriceView } from '../price.view';
import { AddOptionPriceCommand } from './add-option-price.command';

@CommandHandler(AddOptionPriceCommand)
export class AddOptionPriceHandler extends TenantCommandHandler<AddOptionPriceCommand, OptionPriceView> {
  protected async handle(command: AddOptionPriceCommand, tx: TenantTx): Promise<OptionPriceView> {
    const option = await reference(tx, ProductOption, command.input.optionId, 'optionId');
    const row = await addPrice(tx, OptionPrice, { optionId: option.id }, command.input);
    tx.audit({ action: 'option_price.added', entityType: 'option_price', entityId: row.id, after: { optionId: row.optionId, amountMinor: row.amountMinor, currency: row.currency, validFrom: row.validFrom.toISOString() } });
    return toOptionPriceView(row);
  }
}
