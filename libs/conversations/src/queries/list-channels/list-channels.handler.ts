import { Inject } from '@nestjs/common';
import { QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig, CursorCodec, keysetPage, KeysetSort, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { ChannelPage, toChannelView } from '../../commands/channel.view';
import { Channel } from '../../domain/channel.entity';
import { ListChannelsQuery } from './list-channels.query';

const OLDEST_FIRST: KeysetSort<Channel> = { name: 'createdAt', column: 'c.created_at', direction: 'ASC', kind: 'date', read: (row) => row.createdAt };

/** The tenant's live channels, oldest first. */
@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler extends TenantQueryHandler<ListChannelsQuery, ChannelPage> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cursors: CursorCodec,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: ListChannelsQuery, tx: TenantTx): Promise<ChannelPage> {
    const builder = tx.repository(Channel).scopedQuery('c').andWhere('c.deleted_at IS NULL');
    const page = await keysetPage(builder, OLDEST_FIRST, 'c.id', query.page, this.cursors, (row) => row);
    return { data: page.data.map((channel) => toChannelView(channel, this.config.publicBaseUrl)), nextCursor: page.nextCursor };
  }
}
