import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx } from '@saler/platform';
import { currentBotSettings } from '../../commands/bot-settings-store';
import { BotProfile, buildBotProfile } from '../../domain/bot-profile';
import { BotText } from '../../domain/bot-text.entity';
import { GetBotProfileQuery } from './get-bot-profile.query';

@QueryHandler(GetBotProfileQuery)
export class GetBotProfileHandler extends TenantQueryHandler<GetBotProfileQuery, BotProfile> {
  protected async handle(query: GetBotProfileQuery, tx: TenantTx): Promise<BotProfile> {
    const settings = await currentBotSettings(tx);
    const texts = await tx.repository(BotText).find({ select: { tenantId: true, id: true, key: true, locale: true, text: true } });
    return buildBotProfile(settings, texts, query.locale, query.at);
  }
}
