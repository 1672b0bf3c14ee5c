import { TenantCommand, TenantContext } from '@saler/platform';
import { BotSettingsView } from '../bot-settings.view';
import { UpdateBotSettingsRequest } from './update-bot-settings.request';

export class UpdateBotSettingsCommand extends TenantCommand<BotSettingsView> {
  constructor(
    context: TenantContext,
    readonly changes: UpdateBotSettingsRequest,
    /** From If-Match: the version the caller read (undefined: no precondition). */
    readonly expectedVersion?: number,
  ) {
    super(context);
  }
}
