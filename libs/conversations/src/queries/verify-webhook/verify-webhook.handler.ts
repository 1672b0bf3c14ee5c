import { QueryHandler } from '@nestjs/cqrs';
import { CredentialCipher, TenantQueryHandler, TenantTx, UnitOfWork } from '@saler/platform';
import { openCredentials } from '../../commands/channel-store';
import { Channel } from '../../domain/channel.entity';
import { notFound } from '../../domain/conversation-problems';
import { metaVerificationChallenge } from '../../domain/webhooks/webhook-signatures';
import { VerifyWebhookQuery } from './verify-webhook.query';

@QueryHandler(VerifyWebhookQuery)
export class VerifyWebhookHandler extends TenantQueryHandler<VerifyWebhookQuery, string | null> {
  constructor(
    unitOfWork: UnitOfWork,
    private readonly cipher: CredentialCipher,
  ) {
    super(unitOfWork);
  }

  protected async handle(query: VerifyWebhookQuery, tx: TenantTx): Promise<string | null> {
    const channel = await tx.repository(Channel).findOne({ id: query.channelId });
    if (channel === null || channel.deletedAt !== null || channel.type !== query.type) throw notFound('channel');
    return metaVerificationChallenge(query.query, openCredentials(this.cipher, channel).verifyToken);
  }
}
