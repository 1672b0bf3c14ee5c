import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { currentBotSettings } from '../../commands/bot-settings-store';
import { BotSettingsView, toBotSettingsView } from '../../commands/bot-settings.view';
import { GetBotSettingsQuery } from './get-bot-settings.query';

@QueryHandler(GetBotSettingsQuery)
export class GetBotSettingsHandler extends TenantQueryHandler<GetBotSettingsQuery, BotSettingsView> {
  protected async handle(_query: GetBotSettingsQuery, tx: TenantTx): Promise<BotSettingsView> {
    return toBotSettingsView(await currentBotSettings(tx));
  }
}
