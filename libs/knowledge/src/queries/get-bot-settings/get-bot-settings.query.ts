import { TenantQuery } from '@saler/platform';
import { BotSettingsView } from '../../commands/bot-settings.view';

export class GetBotSettingsQuery extends TenantQuery<BotSettingsView> {}
