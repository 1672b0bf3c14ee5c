import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { loadChannel } from '../../commands/channel-store';
import { ChannelView, toChannelView } from '../../commands/channel.view';
import { GetChannelQuery } from './get-channel.query';

@QueryHandler(GetChannelQuery)
export class GetChannelHandler extends TenantQueryHandler<GetChannelQuery, ChannelView> {
  constructor(
    unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: GetChannelQuery, tx: TenantTx): Promise<ChannelView> {
    return toChannelView(await loadChannel(tx, query.channelId), this.config.publicBaseUrl);
  }
}
