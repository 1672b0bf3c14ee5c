import { QueryHandler } from '@nestjs/cqrs';
import { TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { currentBotSettings } from '../../commands/bot-settings-store';
import { BotProfile, buildBotProfile } from '../../domain/bot-profile';
import { BotText } from '../../domain/bot-text.entity';
import { BotProfileCache } from './bot-profile-cache';
import { GetBotProfileQuery } from './get-bot-profile.query';

@QueryHandler(GetBotProfileQuery)
export class GetBotProfileHandler extends TenantQueryHandler<GetBotProfileQuery, BotProfile> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cache: BotProfileCache,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: GetBotProfileQuery, tx: TenantTx): Promise<BotProfile> {
    const { settings, texts } = await this.cache.get(tx.tenantId, async () => ({
      settings: await currentBotSettings(tx),
      texts: await tx.repository(BotText).find({ select: { tenantId: true, id: true, key: true, locale: true, text: true } }),
    }));
    return buildBotProfile(settings, texts, query.locale, query.at);
  }
}
