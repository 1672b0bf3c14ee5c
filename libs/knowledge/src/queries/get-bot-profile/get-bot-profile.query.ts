import { TenantContext, TenantQuery } from '@saler/platform';
import { BotProfile } from '../../domain/bot-profile';

/** For the bot pipeline: how to answer a customer writing in `locale` (null: unknown) at `at`. */
export class GetBotProfileQuery extends TenantQuery<BotProfile> {
  constructor(
    context: TenantContext,
    readonly locale: string | null,
    readonly at: Date,
  ) {
    super(context);
  }
}
